package org.tickerdesk.streaming.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.history.control.JobJson;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;

/**
 * The private {@code jobs} stream: every change of a collection, to every subscriber, numbered like
 * a quote stream. Publishing and joining hold this stream's lock, so a snapshot is queued in order
 * with the stream's data messages; reading the running collections for a snapshot happens before
 * the lock is taken, so a slow database never holds back a job's thread. What changed between that
 * read and the join is not lost: the stream remembers the latest state it published of recent
 * collections, and a snapshot shows whichever state is newer.
 */
final class JobsStream {

    static final String NAME = "jobs";
    static final String JOB = "job";
    static final String SNAPSHOT = "snapshot";

    /**
     * How many collections' latest states are remembered: far more than can change while one
     * snapshot is read, so none that did is forgotten.
     */
    static final int REMEMBERED = 1_000;

    private static final Logger LOG = Logger.getLogger(JobsStream.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final String epoch;
    private final Supplier<List<JobSnapshot>> running;
    private final Set<ClientConnection> subscribers = new CopyOnWriteArraySet<>();
    private final Map<Long, JobSnapshot> recent =
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, JobSnapshot> eldest) {
                    return size() > REMEMBERED;
                }
            };
    private long offset;

    /**
     * @param running the collections running now, as stored; called for each snapshot, and may fail
     */
    JobsStream(String epoch, Supplier<List<JobSnapshot>> running) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.running = Objects.requireNonNull(running, "running");
    }

    /**
     * Numbers the change, writes its message once and queues it for every subscriber. A state older
     * than one published already is dropped: changes are fired from several threads (a window's
     * commit, the end of a run), and a late one must not take a collection back to where it was.
     */
    synchronized void publish(JobSnapshot job) {
        JobSnapshot published = recent.get(job.id());
        if (published != null && olderThan(job, published)) {
            return;
        }
        offset++;
        recent.remove(job.id());
        recent.put(job.id(), job);
        if (subscribers.isEmpty()) {
            return;
        }
        String message = write(JOB, job, offset);
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    /**
     * Adds a subscriber and, if asked, queues it one snapshot message per running collection, each
     * carrying the offset of the stream's last data message. The stream keeps no history: a client
     * that gives its position ({@code since}) is told so and sent the snapshot instead.
     */
    void join(ClientConnection client, boolean snapshot, StreamPosition since) {
        boolean snapshotted = snapshot || since != null;
        List<JobSnapshot> stored = snapshotted ? readRunning() : List.of();
        synchronized (this) {
            subscribers.add(client);
            if (since != null) {
                client.send(
                        Replies.notRecovered(
                                NAME,
                                epoch,
                                offset,
                                Unrecoverable.NO_HISTORY,
                                "jobs keeps no history: the snapshot that follows has every"
                                        + " running collection as it is now"));
            }
            if (snapshotted) {
                for (JobSnapshot job : current(stored)) {
                    client.send(write(SNAPSHOT, job, offset));
                }
            }
        }
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    /**
     * A failed read leaves the snapshot to what this stream published itself: the subscription
     * stands, and the next change of each collection brings it up to date.
     */
    private List<JobSnapshot> readRunning() {
        try {
            return running.get();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "The running collections could not be read for a jobs snapshot");
            return List.of();
        }
    }

    /**
     * The stored running collections, each replaced by a newer state published since, and the
     * collections published as running that the read did not find (started since); by id.
     */
    private List<JobSnapshot> current(List<JobSnapshot> stored) {
        Map<Long, JobSnapshot> latest = new TreeMap<>();
        for (JobSnapshot job : stored) {
            JobSnapshot published = recent.get(job.id());
            latest.put(job.id(), published != null && !olderThan(published, job) ? published : job);
        }
        for (JobSnapshot published : recent.values()) {
            if (published.status().isRunning()) {
                latest.putIfAbsent(published.id(), published);
            }
        }
        return new ArrayList<>(latest.values());
    }

    private static boolean olderThan(JobSnapshot one, JobSnapshot other) {
        return one.updatedAt() != null
                && other.updatedAt() != null
                && one.updatedAt().isBefore(other.updatedAt());
    }

    /** {@code ts} is when the collection changed, in epoch milliseconds as quotes have it. */
    private String write(String type, JobSnapshot job, long offset) {
        JsonObjectBuilder message =
                JSON.createObjectBuilder()
                        .add("type", type)
                        .add("stream", NAME)
                        .add("data", JobJson.of(job))
                        .add("epoch", epoch)
                        .add("offset", offset);
        if (job.updatedAt() == null) {
            message.addNull("ts");
        } else {
            message.add("ts", millis(job.updatedAt()));
        }
        return message.build().toString();
    }

    /** Whole milliseconds without a fraction, else with the microseconds as one. */
    static BigDecimal millis(Instant at) {
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        return micros % 1_000 == 0
                ? BigDecimal.valueOf(micros / 1_000)
                : BigDecimal.valueOf(micros, 3).stripTrailingZeros();
    }
}

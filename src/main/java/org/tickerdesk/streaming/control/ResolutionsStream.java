package org.tickerdesk.streaming.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.resolution.control.ResolutionJson;
import org.tickerdesk.resolution.entity.ResolutionOverview;
import org.tickerdesk.resolution.entity.ResolutionRunFinished;
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;

/**
 * The private {@code resolutions} stream: every stored change of an instrument's resolution (a
 * {@code resolution} message with the instrument as the resolution list shows it) and every run
 * finished (a {@code run} message with what it did), numbered like a quote stream; its snapshot is
 * every instrument awaiting or resolved. It works as {@link TasksStream} does: the list is read for
 * a snapshot before the stream's lock is taken, and an instrument published since is shown as
 * published.
 */
final class ResolutionsStream {

    static final String NAME = "resolutions";
    static final String RESOLUTION = "resolution";
    static final String RUN = "run";
    static final String SNAPSHOT = "snapshot";

    private static final Logger LOG = Logger.getLogger(ResolutionsStream.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final String epoch;
    private final Supplier<List<ResolutionOverview>> stored;
    private final Set<ClientConnection> subscribers = new CopyOnWriteArraySet<>();
    private final Map<String, ResolutionOverview> published = new TreeMap<>();
    private long offset;

    /**
     * @param stored every instrument awaiting or resolved; called for each snapshot, and may fail
     */
    ResolutionsStream(String epoch, Supplier<List<ResolutionOverview>> stored) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    synchronized void publish(ResolutionOverview resolution) {
        offset++;
        published.put(resolution.symbol(), resolution);
        send(write(RESOLUTION, ResolutionJson.of(resolution), offset));
    }

    synchronized void publish(ResolutionRunFinished run) {
        offset++;
        send(write(RUN, ResolutionJson.run(run.run(), run.at()), offset));
    }

    private void send(String message) {
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    /**
     * Adds a subscriber and, if asked, queues it one snapshot message per instrument. The stream
     * keeps no history: a client that gives its position ({@code since}) is told so and sent the
     * snapshot instead.
     */
    void join(ClientConnection client, boolean snapshot, StreamPosition since) {
        boolean snapshotted = snapshot || since != null;
        List<ResolutionOverview> read = snapshotted ? read() : List.of();
        synchronized (this) {
            subscribers.add(client);
            if (since != null) {
                client.send(
                        Replies.notRecovered(
                                NAME,
                                epoch,
                                offset,
                                Unrecoverable.NO_HISTORY,
                                "resolutions keeps no history: the snapshot that follows has every"
                                        + " instrument awaiting or resolved as it is now"));
            }
            if (snapshotted) {
                Map<String, ResolutionOverview> latest = new TreeMap<>();
                read.forEach(r -> latest.put(r.symbol(), r));
                latest.putAll(published);
                for (ResolutionOverview r : latest.values()) {
                    client.send(write(SNAPSHOT, ResolutionJson.of(r), offset));
                }
            }
        }
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    private List<ResolutionOverview> read() {
        try {
            return stored.get();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "The resolutions could not be read for a resolutions snapshot");
            return List.of();
        }
    }

    private String write(String type, JsonObject data, long offset) {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("stream", NAME)
                .add("data", data)
                .add("epoch", epoch)
                .add("offset", offset)
                .add("ts", System.currentTimeMillis())
                .build()
                .toString();
    }
}

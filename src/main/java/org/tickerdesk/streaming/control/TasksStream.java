package org.tickerdesk.streaming.control;

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
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;
import org.tickerdesk.tasks.control.TaskJson;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/**
 * The private {@code tasks} stream: every run and change of a scheduled task, with the task as it
 * is after it, to every subscriber, numbered like a quote stream; its snapshot is every task. It
 * works as {@link JobsStream} does: the tasks are read for a snapshot before the stream's lock is
 * taken, and a task published since is shown as published.
 */
final class TasksStream {

    static final String NAME = "tasks";
    static final String TASK = "task";
    static final String SNAPSHOT = "snapshot";

    private static final Logger LOG = Logger.getLogger(TasksStream.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final String epoch;
    private final Supplier<List<TaskSnapshot>> stored;
    private final Set<ClientConnection> subscribers = new CopyOnWriteArraySet<>();
    private final Map<String, TaskSnapshot> published = new TreeMap<>();
    private long offset;

    /**
     * @param stored every task as stored; called for each snapshot, and may fail
     */
    TasksStream(String epoch, Supplier<List<TaskSnapshot>> stored) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    synchronized void publish(TaskSnapshot task) {
        offset++;
        published.put(task.name(), task);
        if (subscribers.isEmpty()) {
            return;
        }
        String message = write(TASK, task, offset);
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    /**
     * Adds a subscriber and, if asked, queues it one snapshot message per task. The stream keeps no
     * history: a client that gives its position ({@code since}) is told so and sent the snapshot
     * instead.
     */
    void join(ClientConnection client, boolean snapshot, StreamPosition since) {
        boolean snapshotted = snapshot || since != null;
        List<TaskSnapshot> read = snapshotted ? read() : List.of();
        synchronized (this) {
            subscribers.add(client);
            if (since != null) {
                client.send(
                        Replies.notRecovered(
                                NAME,
                                epoch,
                                offset,
                                Unrecoverable.NO_HISTORY,
                                "tasks keeps no history: the snapshot that follows has every task"
                                        + " as it is now"));
            }
            if (snapshotted) {
                Map<String, TaskSnapshot> latest = new TreeMap<>();
                read.forEach(task -> latest.put(task.name(), task));
                latest.putAll(published);
                for (TaskSnapshot task : latest.values()) {
                    client.send(write(SNAPSHOT, task, offset));
                }
            }
        }
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    private List<TaskSnapshot> read() {
        try {
            return stored.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The tasks could not be read for a tasks snapshot");
            return List.of();
        }
    }

    private String write(String type, TaskSnapshot task, long offset) {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("stream", NAME)
                .add("data", TaskJson.of(task))
                .add("epoch", epoch)
                .add("offset", offset)
                .add("ts", System.currentTimeMillis())
                .build()
                .toString();
    }
}

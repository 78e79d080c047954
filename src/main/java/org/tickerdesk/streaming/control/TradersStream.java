package org.tickerdesk.streaming.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.control.ChartJson;
import org.tickerdesk.copytrading.control.TradeJson;
import org.tickerdesk.copytrading.control.TraderJson;
import org.tickerdesk.copytrading.entity.CurveChanged;
import org.tickerdesk.copytrading.entity.IntakeChanged;
import org.tickerdesk.copytrading.entity.TraderChange;
import org.tickerdesk.copytrading.entity.TraderChanged;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;

/**
 * The private {@code traders} stream: every change of a followed trader, committed, to every
 * subscriber, numbered like a quote stream; a {@code trader} message carries the trader as it is
 * now and what changed ({@code CREATED}, {@code UPDATED}, {@code TOGGLED}), or only its id once
 * {@code DELETED}; an {@code intake} message carries an entry of a trader's trade intake each time
 * one is stored or decided; a {@code curve} message carries a trader's copied P&amp;L curve each
 * time one of their copied positions changed. Its snapshot is every trader, then the latest curve
 * published of each trader still followed. It works as {@link TasksStream} does: the traders are
 * read for a snapshot before the stream's lock is taken, and a change published since is shown as
 * published.
 */
final class TradersStream {

    static final String NAME = "traders";
    static final String TRADER = "trader";
    static final String INTAKE = "intake";
    static final String CURVE = "curve";
    static final String SNAPSHOT = "snapshot";

    private static final Logger LOG = Logger.getLogger(TradersStream.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    private final String epoch;
    private final Supplier<List<TraderSnapshot>> stored;
    private final Set<ClientConnection> subscribers = new CopyOnWriteArraySet<>();
    private final Map<Long, TraderChanged> published = new TreeMap<>();
    private final Map<Long, JsonObject> curves = new TreeMap<>();
    private long offset;

    /**
     * @param stored every trader as stored; called for each snapshot, and may fail
     */
    TradersStream(String epoch, Supplier<List<TraderSnapshot>> stored) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    synchronized void publish(TraderChanged change) {
        offset++;
        published.put(change.traderId(), change);
        if (change.change() == TraderChange.DELETED) {
            curves.remove(change.traderId());
        }
        if (subscribers.isEmpty()) {
            return;
        }
        String message = write(TRADER, data(change), offset);
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    /**
     * An intake entry stored or changed: an {@code intake} message with the entry as the API shows
     * it. Not part of the snapshot: a trader's page reads the intake itself when it opens.
     */
    synchronized void publish(IntakeChanged change) {
        offset++;
        if (subscribers.isEmpty()) {
            return;
        }
        String message = write(INTAKE, TradeJson.write(change.entry()), offset);
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    /**
     * A trader's copied P&amp;L curve read again: a {@code curve} message with it, kept for the
     * snapshots that follow (the page itself shows the curves as they were when it opened).
     */
    synchronized void publish(CurveChanged change) {
        offset++;
        JsonObject data = ChartJson.write(change.curve());
        curves.put(change.curve().traderId(), data);
        if (subscribers.isEmpty()) {
            return;
        }
        String message = write(CURVE, data, offset);
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    /**
     * Adds a subscriber and, if asked, queues it one snapshot message per trader. The stream keeps
     * no history: a client that gives its position ({@code since}) is told so and sent the snapshot
     * instead.
     */
    void join(ClientConnection client, boolean snapshot, StreamPosition since) {
        boolean snapshotted = snapshot || since != null;
        List<TraderSnapshot> read = snapshotted ? read() : List.of();
        synchronized (this) {
            subscribers.add(client);
            if (since != null) {
                client.send(
                        Replies.notRecovered(
                                NAME,
                                epoch,
                                offset,
                                Unrecoverable.NO_HISTORY,
                                "traders keeps no history: the snapshot that follows has every"
                                        + " trader as it is now"));
            }
            if (snapshotted) {
                Map<Long, TraderSnapshot> latest = new TreeMap<>();
                read.forEach(trader -> latest.put(trader.id(), trader));
                Set<Long> deleted = new HashSet<>();
                published.forEach(
                        (id, change) -> {
                            if (change.change() == TraderChange.DELETED) {
                                deleted.add(id);
                            } else if (!latest.containsKey(id)
                                    || latest.get(id).version() < change.trader().version()) {
                                latest.put(id, change.trader());
                            }
                        });
                latest.keySet().removeAll(deleted);
                for (TraderSnapshot trader : latest.values()) {
                    client.send(write(SNAPSHOT, TraderJson.write(trader), offset));
                }
                curves.forEach(
                        (id, curve) -> {
                            if (latest.containsKey(id)) {
                                client.send(write(CURVE, curve, offset));
                            }
                        });
            }
        }
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    private static JsonObject data(TraderChanged change) {
        if (change.change() == TraderChange.DELETED) {
            return JSON.createObjectBuilder()
                    .add("id", change.traderId())
                    .add("change", change.change().name())
                    .build();
        }
        return JSON.createObjectBuilder(TraderJson.write(change.trader()))
                .add("change", change.change().name())
                .build();
    }

    private List<TraderSnapshot> read() {
        try {
            return stored.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The traders could not be read for a traders snapshot");
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

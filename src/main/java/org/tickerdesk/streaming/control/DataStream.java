package org.tickerdesk.streaming.control;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;

/**
 * One concrete stream, such as {@code quotes:AAPL} or {@code news:*}: numbers its messages from 1,
 * writes each once and offers that same text to every subscriber, keeps its recent {@link History}
 * and its latest values for snapshots. Publishing and joining hold this stream's lock, so what a
 * client is sent when it joins (a snapshot, or the messages it missed) is queued in order with the
 * stream's data messages: then only data with higher offsets follows, without a gap or a repeat.
 * Each stream has its own lock; streams never wait for each other.
 */
final class DataStream<V> {

    /** How a kind of stream writes and snapshots its values, the same for all its streams. */
    record Shape<V>(String dataType, StreamFrames<V> frames, int snapshotDepth) {}

    private final String name;
    private final Shape<V> shape;
    private final StreamContext context;
    private final History history;
    private final Map<ClientConnection, Delivery> subscribers = new ConcurrentHashMap<>();
    private final ArrayDeque<V> latest = new ArrayDeque<>();
    private long offset;

    /**
     * Whether a client has joined in this epoch. Until one has, no one can hold a position in the
     * stream to resume from, so its messages are counted but neither written nor kept: most candle
     * streams of most symbols are never watched, and each tick would otherwise write five of them.
     */
    private boolean watched;

    DataStream(String name, Shape<V> shape, StreamContext context) {
        this.name = name;
        this.shape = shape;
        this.context = context;
        this.history = new History(context.historyLimits(), context.budget());
    }

    String name() {
        return name;
    }

    synchronized void publish(V value) {
        offset++;
        latest.addLast(value);
        if (latest.size() > shape.snapshotDepth()) {
            latest.removeFirst();
        }
        if (!watched) {
            history.pass(offset);
            return;
        }
        String message =
                shape.frames().write(shape.dataType(), name, value, context.epoch(), offset);
        history.append(offset, message, context.clock().millis());
        for (Delivery delivery : subscribers.values()) {
            delivery.offer(message);
        }
    }

    synchronized boolean hasLatest() {
        return !latest.isEmpty();
    }

    /**
     * Adds a subscriber, delivered to this way from now on. A new one is then sent what it missed
     * since its position, if it gave one, or, if it asked, a snapshot: the latest values published
     * here or, if none was, the {@code stored} ones. A client that was a subscriber already only
     * changes how it is delivered to.
     */
    synchronized void join(
            ClientConnection client,
            Delivery delivery,
            boolean snapshot,
            StreamPosition since,
            List<V> stored) {
        watched = true;
        Delivery before = subscribers.put(client, delivery);
        if (before != null) {
            before.stop();
        } else if (since != null) {
            recover(client, since, stored);
        } else if (snapshot) {
            snapshot(client, stored);
        }
    }

    private void recover(ClientConnection client, StreamPosition since, List<V> stored) {
        Unrecoverable why = whyNotRecoverable(since);
        if (why != null) {
            client.send(
                    Replies.notRecovered(name, context.epoch(), offset, why, explain(why, since)));
            snapshot(client, stored);
            return;
        }
        client.send(Replies.recovered(name, context.epoch(), offset));
        history.after(since.offset()).forEach(client::send);
    }

    private Unrecoverable whyNotRecoverable(StreamPosition since) {
        if (!since.epoch().equals(context.epoch())) {
            return Unrecoverable.EPOCH_CHANGED;
        }
        if (since.offset() > offset) {
            return Unrecoverable.OFFSET_AHEAD;
        }
        if (since.offset() + 1 < history.firstKept(context.clock().millis())) {
            return Unrecoverable.HISTORY_OVERRUN;
        }
        return null;
    }

    private String explain(Unrecoverable why, StreamPosition since) {
        return switch (why) {
            case EPOCH_CHANGED ->
                    "The server restarted: epoch "
                            + since.epoch()
                            + " is over, this run is "
                            + context.epoch();
            case OFFSET_AHEAD ->
                    name + " has sent " + offset + " messages in this epoch, not " + since.offset();
            case HISTORY_OVERRUN, NO_HISTORY ->
                    "The messages of "
                            + name
                            + " after offset "
                            + since.offset()
                            + " are no longer kept; the oldest kept is "
                            + history.firstKept(context.clock().millis());
        };
    }

    private void snapshot(ClientConnection client, List<V> stored) {
        for (V value : latest.isEmpty() ? stored : latest) {
            client.send(
                    shape.frames()
                            .write(QuoteFrames.SNAPSHOT, name, value, context.epoch(), offset));
        }
    }

    void leave(ClientConnection client) {
        Delivery delivery = subscribers.remove(client);
        if (delivery != null) {
            delivery.stop();
        }
    }

    /** Drops the latest values, so that they are no longer a snapshot; offsets carry on. */
    synchronized void forget() {
        latest.clear();
    }

    synchronized void expireHistory() {
        history.expire(context.clock().millis());
    }
}

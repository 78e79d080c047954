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
 *
 * <p>A stream may instead be numbered from outside, as a cluster's quote streams are by the
 * leader's term and tick numbers ({@link #publish(Object, long, String, long)}): then every member
 * gives the same message the same epoch and offset, its epoch changes at every takeover, and a
 * position from an earlier epoch is still recovered while the history holds what followed it.
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
    private String epoch;
    private long offset;

    /** The term of the epoch, while the stream is numbered from outside; 0 until it is. */
    private long term;

    /**
     * Whether a client has joined in this epoch. Until one has, no one can hold a position in the
     * stream to resume from, so its messages are counted but neither written nor kept: most candle
     * streams of most symbols are never watched, and each tick would otherwise write five of them.
     * A stream numbered from outside is always kept: a client may hold a position in it from
     * another member.
     */
    private boolean watched;

    DataStream(String name, Shape<V> shape, StreamContext context) {
        this.name = name;
        this.shape = shape;
        this.context = context;
        this.history = new History(context.historyLimits(), context.budget());
        this.epoch = context.epoch();
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
            history.pass();
            return;
        }
        send(value);
    }

    /**
     * Publishes a value numbered from outside: the message at {@code offset} of the epoch of {@code
     * term}. A value of an earlier term, or not after the last one of its term, is late (a leader
     * that has been replaced, a repeat) and dropped. A value that skips offsets (this member missed
     * some) is sent, and the history keeps nothing from before it.
     *
     * @param term orders the epochs: a higher one is later
     * @param epoch the text of the term's epoch, the same on every member
     */
    synchronized void publish(V value, long term, String epoch, long offset) {
        if (term < this.term || (term == this.term && offset <= this.offset)) {
            return;
        }
        this.term = term;
        this.epoch = epoch;
        this.offset = offset;
        latest.addLast(value);
        if (latest.size() > shape.snapshotDepth()) {
            latest.removeFirst();
        }
        send(value);
    }

    private void send(V value) {
        String message = shape.frames().write(shape.dataType(), name, value, epoch, offset);
        history.append(epoch, offset, message, context.clock().millis());
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
        boolean current = since.epoch().equals(epoch);
        History.Span kept =
                current || term > 0 ? history.span(since.epoch(), context.clock().millis()) : null;
        Unrecoverable why = whyNotRecoverable(since, current, kept);
        if (why != null) {
            client.send(
                    Replies.notRecovered(
                            name, epoch, offset, why, explain(why, since, current, kept)));
            snapshot(client, stored);
            return;
        }
        client.send(Replies.recovered(name, epoch, offset));
        history.after(since.epoch(), since.offset()).forEach(client::send);
    }

    /**
     * A position in this epoch is recovered while the history holds every message after it. One in
     * an earlier epoch only in a stream numbered from outside, whose history holds a run of that
     * epoch's messages, without a gap, and all that came after them (see {@link History}): the
     * position must lie within that run. Its newest message is the last of that epoch this member
     * received; a client past it received messages unknown here, and is not recovered.
     *
     * @param kept the messages of the position's epoch kept; null when none is
     */
    private Unrecoverable whyNotRecoverable(
            StreamPosition since, boolean current, History.Span kept) {
        if (current) {
            if (since.offset() > offset) {
                return Unrecoverable.OFFSET_AHEAD;
            }
            return since.offset() + 1 < firstKept(kept) ? Unrecoverable.HISTORY_OVERRUN : null;
        }
        if (kept == null) {
            return Unrecoverable.EPOCH_CHANGED;
        }
        if (since.offset() > kept.last()) {
            return Unrecoverable.OFFSET_AHEAD;
        }
        return since.offset() + 1 < kept.first() ? Unrecoverable.HISTORY_OVERRUN : null;
    }

    /** The oldest offset of this epoch kept; one past the last message when none is. */
    private long firstKept(History.Span kept) {
        return kept == null ? offset + 1 : kept.first();
    }

    private String explain(
            Unrecoverable why, StreamPosition since, boolean current, History.Span kept) {
        return switch (why) {
            case EPOCH_CHANGED ->
                    term > 0
                            ? "Epoch "
                                    + since.epoch()
                                    + " is not in the recent messages of "
                                    + name
                                    + " here, whose epoch is "
                                    + epoch
                            : "The server restarted: epoch "
                                    + since.epoch()
                                    + " is over, this run is "
                                    + epoch;
            case OFFSET_AHEAD ->
                    current
                            ? name
                                    + " has sent "
                                    + offset
                                    + " messages in this epoch, not "
                                    + since.offset()
                            : "Epoch "
                                    + since.epoch()
                                    + " of "
                                    + name
                                    + " ended here at offset "
                                    + kept.last()
                                    + ", before "
                                    + since.offset();
            case HISTORY_OVERRUN, NO_HISTORY ->
                    "The messages of "
                            + name
                            + " after offset "
                            + since.offset()
                            + " are no longer kept; the oldest kept is "
                            + (current ? firstKept(kept) : kept.first());
        };
    }

    private void snapshot(ClientConnection client, List<V> stored) {
        for (V value : latest.isEmpty() ? stored : latest) {
            client.send(shape.frames().write(QuoteFrames.SNAPSHOT, name, value, epoch, offset));
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

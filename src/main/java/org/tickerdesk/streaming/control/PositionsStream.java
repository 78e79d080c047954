package org.tickerdesk.streaming.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;

/**
 * The private {@code positions} stream: every stored change of a position ({@code position}), and
 * the exit engine's prices of the guarded ones, one {@code price} message per batch with each
 * position at most once. It works as {@link OrdersStream} does: publishing and joining hold the
 * stream's lock, so a snapshot is queued in order with the data messages; the guarded positions are
 * read for a snapshot before the lock is taken; and the latest published state of recent positions
 * is remembered, so a snapshot shows whichever state is newer, leaves out a position that closed
 * since the read and takes in one opened since.
 */
final class PositionsStream {

    /** Far more positions than can change while one snapshot is read, so none that did is lost. */
    static final int REMEMBERED = 1_000;

    private static final Logger LOG = Logger.getLogger(PositionsStream.class.getName());

    private static final Comparator<PositionSnapshot> OLDEST_FIRST =
            Comparator.comparing(
                            PositionSnapshot::openedAt,
                            Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                    .thenComparingLong(PositionSnapshot::id);

    private final String epoch;
    private final Supplier<List<PositionSnapshot>> guarded;
    private final Function<String, List<PositionPrice>> prices;
    private final Set<ClientConnection> subscribers = new CopyOnWriteArraySet<>();
    private final Map<Long, PositionSnapshot> published =
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, PositionSnapshot> eldest) {
                    return size() > REMEMBERED;
                }
            };
    private long offset;

    /**
     * @param guarded the stored open and closing positions; called for each snapshot, and may fail
     * @param prices an instrument's guarded positions' prices as the exit engine holds them now
     */
    PositionsStream(
            String epoch,
            Supplier<List<PositionSnapshot>> guarded,
            Function<String, List<PositionPrice>> prices) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.guarded = Objects.requireNonNull(guarded, "guarded");
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /**
     * Numbers the change and queues it for every subscriber, with the position's price, stop and
     * target as the engine holds them now: a change of rules moves the stop before the price does.
     * A state older than one published already is dropped, so a closed position never reopens.
     */
    synchronized void publish(PositionSnapshot position) {
        PositionSnapshot latest = published.get(position.id());
        if (latest != null && olderThan(position, latest)) {
            return;
        }
        offset++;
        published.remove(position.id());
        published.put(position.id(), position);
        if (subscribers.isEmpty()) {
            return;
        }
        String message =
                PositionFrames.write(
                        PositionFrames.POSITION, position, live(position), epoch, offset);
        subscribers.forEach(client -> client.send(message));
    }

    /**
     * One message for the batch, each position once (its latest price in the batch), so a
     * subscriber gets at most one price per position per batch however often it moved.
     */
    synchronized void publish(List<PositionPrice> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, PositionPrice> latest = new LinkedHashMap<>();
        batch.forEach(price -> latest.put(price.positionId(), price));
        offset++;
        if (subscribers.isEmpty()) {
            return;
        }
        String message = PositionFrames.write(latest.values(), epoch, offset);
        subscribers.forEach(client -> client.send(message));
    }

    /**
     * Adds a subscriber and, if asked, queues it one snapshot message per open or closing position,
     * the longest open first, each with its price now, carrying the offset of the stream's last
     * data message. No history is kept: a client that gives its position ({@code since}) is told so
     * and sent the snapshot instead.
     */
    void join(ClientConnection client, boolean snapshot, StreamPosition since) {
        boolean snapshotted = snapshot || since != null;
        List<PositionSnapshot> stored = snapshotted ? readGuarded() : List.of();
        synchronized (this) {
            subscribers.add(client);
            if (since != null) {
                client.send(
                        Replies.notRecovered(
                                PositionFrames.NAME,
                                epoch,
                                offset,
                                Unrecoverable.NO_HISTORY,
                                "positions keeps no history: the snapshot that follows has the"
                                        + " open positions as they are now"));
            }
            if (snapshotted) {
                for (PositionSnapshot position : current(stored)) {
                    client.send(
                            PositionFrames.write(
                                    PositionFrames.SNAPSHOT,
                                    position,
                                    live(position),
                                    epoch,
                                    offset));
                }
            }
        }
    }

    /** Whether any client subscribes now. */
    boolean watched() {
        return !subscribers.isEmpty();
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    /** A failed read leaves the snapshot to what this stream published itself. */
    private List<PositionSnapshot> readGuarded() {
        try {
            return guarded.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The open positions could not be read for a snapshot");
            return List.of();
        }
    }

    /** Of the stored and the published positions, each in its newer state, those still guarded. */
    private List<PositionSnapshot> current(List<PositionSnapshot> stored) {
        Map<Long, PositionSnapshot> latest = new HashMap<>(published);
        for (PositionSnapshot position : stored) {
            latest.merge(
                    position.id(),
                    position,
                    (known, read) -> olderThan(known, read) ? read : known);
        }
        List<PositionSnapshot> open = new ArrayList<>();
        for (PositionSnapshot position : latest.values()) {
            if (position.state().isGuarded()) {
                open.add(position);
            }
        }
        open.sort(OLDEST_FIRST);
        return open;
    }

    /** A failure to read the price leaves it out: the next batch brings it. */
    private PositionPrice live(PositionSnapshot position) {
        if (!position.state().isGuarded()) {
            return null;
        }
        try {
            return prices.apply(position.symbol()).stream()
                    .filter(price -> price.positionId() == position.id())
                    .findFirst()
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The price of position " + position.id() + " failed");
            return null;
        }
    }

    /**
     * Whether one state of a position came before the other: changed earlier, or at the same
     * instant less far along (pending, open, closing, then final).
     */
    static boolean olderThan(PositionSnapshot one, PositionSnapshot other) {
        if (one.updatedAt() != null
                && other.updatedAt() != null
                && !one.updatedAt().equals(other.updatedAt())) {
            return one.updatedAt().isBefore(other.updatedAt());
        }
        return stage(one.state()) < stage(other.state());
    }

    private static int stage(PositionState state) {
        return switch (state) {
            case PENDING -> 0;
            case OPEN -> 1;
            case CLOSING -> 2;
            case CLOSED, SETTLED, CANCELLED -> 3;
        };
    }
}

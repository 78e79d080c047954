package org.tickerdesk.streaming.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;

/**
 * The private {@code orders} stream: every change of an order, to every subscriber, numbered like a
 * quote stream. It works as {@link JobsStream} does: publishing and joining hold the stream's lock,
 * so a snapshot is queued in order with the data messages; the recent orders are read for a
 * snapshot before the lock is taken; and the latest published state of recent orders is remembered,
 * so a snapshot shows whichever state is newer and also the orders placed since the read.
 */
final class OrdersStream {

    /** The newest orders a snapshot shows: a screenful and more, as the Orders page lists them. */
    static final int SNAPSHOT = 100;

    /**
     * Far more orders than can change while one snapshot is read, so none that did is forgotten.
     */
    static final int REMEMBERED = 1_000;

    /** Newest first: by creation, then by id, so that orders of one instant keep one order. */
    private static final Comparator<OrderSnapshot> NEWEST_FIRST =
            Comparator.comparing(
                            OrderSnapshot::createdAt,
                            Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                    .thenComparing(OrderSnapshot::clientOrderId)
                    .reversed();

    private static final Logger LOG = Logger.getLogger(OrdersStream.class.getName());

    private final String epoch;
    private final Supplier<List<OrderSnapshot>> recentOrders;
    private final Set<ClientConnection> subscribers = new CopyOnWriteArraySet<>();
    private final Map<String, OrderSnapshot> published =
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, OrderSnapshot> eldest) {
                    return size() > REMEMBERED;
                }
            };
    private long offset;

    /**
     * @param recentOrders the newest stored orders, newest first; called for each snapshot, and may
     *     fail
     */
    OrdersStream(String epoch, Supplier<List<OrderSnapshot>> recentOrders) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.recentOrders = Objects.requireNonNull(recentOrders, "recentOrders");
    }

    /**
     * Numbers the change, writes its message once and queues it for every subscriber. A state older
     * than one published already is dropped: a late one must not take an order back to where it
     * was, a cancelled order to working.
     */
    synchronized void publish(OrderSnapshot order) {
        OrderSnapshot latest = published.get(order.clientOrderId());
        if (latest != null && olderThan(order, latest)) {
            return;
        }
        offset++;
        published.remove(order.clientOrderId());
        published.put(order.clientOrderId(), order);
        if (subscribers.isEmpty()) {
            return;
        }
        String message = OrderFrames.write(OrderFrames.ORDER, order, epoch, offset);
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    /**
     * Adds a subscriber and, if asked, queues it one snapshot message per recent order, oldest
     * first, as if they had arrived one by one, each carrying the offset of the stream's last data
     * message. The stream keeps no history: a client that gives its position ({@code since}) is
     * told so and sent the snapshot instead.
     */
    void join(ClientConnection client, boolean snapshot, StreamPosition since) {
        boolean snapshotted = snapshot || since != null;
        List<OrderSnapshot> stored = snapshotted ? readRecent() : List.of();
        synchronized (this) {
            subscribers.add(client);
            if (since != null) {
                client.send(
                        Replies.notRecovered(
                                OrderFrames.NAME,
                                epoch,
                                offset,
                                Unrecoverable.NO_HISTORY,
                                "orders keeps no history: the snapshot that follows has the"
                                        + " newest orders as they are now"));
            }
            if (snapshotted) {
                for (OrderSnapshot order : current(stored)) {
                    client.send(OrderFrames.write(OrderFrames.SNAPSHOT, order, epoch, offset));
                }
            }
        }
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    /**
     * A failed read leaves the snapshot to what this stream published itself: the subscription
     * stands, and the next change of each order brings it up to date.
     */
    private List<OrderSnapshot> readRecent() {
        try {
            return recentOrders.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The recent orders could not be read for a snapshot");
            return List.of();
        }
    }

    /**
     * The newest {@value #SNAPSHOT} of the stored orders and those published, each in the newer of
     * its two states; oldest first.
     */
    private List<OrderSnapshot> current(List<OrderSnapshot> stored) {
        Map<String, OrderSnapshot> latest = new HashMap<>(published);
        for (OrderSnapshot order : stored) {
            latest.merge(
                    order.clientOrderId(),
                    order,
                    (known, read) -> olderThan(known, read) ? read : known);
        }
        List<OrderSnapshot> newest =
                latest.values().stream().sorted(NEWEST_FIRST).limit(SNAPSHOT).toList();
        List<OrderSnapshot> oldestFirst = new ArrayList<>(newest);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Whether one state of an order came before the other: changed earlier, or at the same instant
     * with less filled or less far along (new, then working, then final).
     */
    static boolean olderThan(OrderSnapshot one, OrderSnapshot other) {
        if (one.updatedAt() != null
                && other.updatedAt() != null
                && !one.updatedAt().equals(other.updatedAt())) {
            return one.updatedAt().isBefore(other.updatedAt());
        }
        int filled = compare(one, other);
        return filled != 0 ? filled < 0 : stage(one.status()) < stage(other.status());
    }

    private static int compare(OrderSnapshot one, OrderSnapshot other) {
        if (one.filledQuantity() == null || other.filledQuantity() == null) {
            return 0;
        }
        return one.filledQuantity().compareTo(other.filledQuantity());
    }

    private static int stage(OrderState status) {
        if (status == OrderState.NEW) {
            return 0;
        }
        return status.isFinal() ? 2 : 1;
    }
}

package org.tickerdesk.trading.control;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;

/**
 * The order desk's way to the leader in a cluster. A member that does not lead has stored the order
 * already; it posts the order's client order id to the leader ({@link LeaderInbox}) and waits for
 * the leader's answer, posting again while none comes (a request posted while the grid's members
 * merge reaches no one). The leader, on its desk's lane, sends an order no broker has seen yet,
 * once however often it is asked, or asks its broker to cancel one, and then announces the id:
 * queued behind what the broker answered at once, so the asking member reads that applied.
 */
final class OrderRoute {

    static final String MAILBOX = "orders";

    /** How long a member that does not lead waits for the leader's answer before asking again. */
    static final Duration REPOST = Duration.ofMillis(400);

    static final int REMEMBERED = 10_000;

    private static final String PLACE = "place ";
    private static final String CANCEL = "cancel ";
    private static final Logger LOG = Logger.getLogger(OrderRoute.class.getName());

    /** What the leader's desk does for a request, on its lane. */
    interface Leader {
        boolean trades();

        Optional<OrderSnapshot> find(String clientOrderId);

        void send(OrderSnapshot order);

        /**
         * @throws OrderRefusedException when the broker cannot take the cancel
         */
        void cancel(OrderSnapshot order);
    }

    private final LeaderInbox inbox;
    private final Executor lane;
    private final Duration patience;
    private final Leader leader;

    /** The orders whose requests wait for the leader's answer here. */
    private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

    /**
     * What the leader sent, or its brokers found at takeover: a request that arrives again before
     * the broker answered must not send a second order.
     */
    private final Set<String> sent =
            Collections.newSetFromMap(
                    Collections.synchronizedMap(
                            new LinkedHashMap<>(256, 0.75f, false) {
                                @Override
                                protected boolean removeEldestEntry(
                                        Map.Entry<String, Boolean> eldest) {
                                    return size() > REMEMBERED;
                                }
                            }));

    /** Listens on {@code inbox} when it is active; {@code patience} bounds every wait. */
    OrderRoute(LeaderInbox inbox, Executor lane, Duration patience, Leader leader) {
        this.inbox = inbox;
        this.lane = lane;
        this.patience = patience;
        this.leader = leader;
        if (inbox.active()) {
            inbox.receive(MAILBOX, request -> lane.execute(() -> act(request)));
            inbox.onAnnouncement(MAILBOX, this::answered);
        }
    }

    /** Whether orders may travel to another member: only in a cluster. */
    boolean active() {
        return inbox.active();
    }

    /** On the leader: an order its brokers were given at takeover is not sent again on request. */
    void sentAlready(String clientOrderId) {
        sent.add(clientOrderId);
    }

    /** Asks the leader to send a stored order; returns at once ({@link #awaitPlaced} waits). */
    void place(String clientOrderId) {
        awaited.putIfAbsent(clientOrderId, new CompletableFuture<>());
        inbox.post(MAILBOX, PLACE + clientOrderId);
    }

    void awaitPlaced(String clientOrderId) {
        await(clientOrderId, PLACE);
    }

    /** Asks the leader to cancel an order and waits for its answer. */
    void cancel(String clientOrderId) {
        awaited.putIfAbsent(clientOrderId, new CompletableFuture<>());
        inbox.post(MAILBOX, CANCEL + clientOrderId);
        await(clientOrderId, CANCEL);
    }

    private void act(String request) {
        if (!leader.trades()) {
            return;
        }
        boolean placing = request.startsWith(PLACE);
        if (!placing && !request.startsWith(CANCEL)) {
            LOG.warning(
                    () -> "An order request from another member was not understood: " + request);
            return;
        }
        String id = request.substring(placing ? PLACE.length() : CANCEL.length());
        Optional<OrderSnapshot> found = leader.find(id);
        if (found.isEmpty()) {
            LOG.warning(() -> "Another member asked about order " + id + ", which is not stored");
            return;
        }
        OrderSnapshot order = found.get();
        if (placing) {
            if (order.status() == OrderState.NEW && order.brokerOrderId() == null && sent.add(id)) {
                leader.send(order);
            }
        } else if (!order.status().isFinal() && order.status() != OrderState.PENDING_CANCEL) {
            try {
                leader.cancel(order);
            } catch (OrderRefusedException e) {
                LOG.info(
                        () ->
                                "Another member's cancel of "
                                        + id
                                        + " was refused: "
                                        + e.getMessage());
            }
        }
        lane.execute(() -> inbox.announce(MAILBOX, id));
    }

    private void answered(String clientOrderId) {
        CompletableFuture<Void> waiting = awaited.remove(clientOrderId);
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    private void await(String clientOrderId, String request) {
        CompletableFuture<Void> answer = awaited.get(clientOrderId);
        if (answer == null) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                try {
                    answer.get(REPOST.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    if (System.nanoTime() + REPOST.toNanos() > deadline) {
                        LOG.fine(() -> "No answer from the leader about " + clientOrderId);
                        return;
                    }
                    inbox.post(MAILBOX, request + clientOrderId);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.FINE, "Answering before the leader applied its broker's answer", e);
        } finally {
            awaited.remove(clientOrderId, answer);
        }
    }
}

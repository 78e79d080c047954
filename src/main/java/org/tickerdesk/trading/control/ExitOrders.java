package org.tickerdesk.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.trading.entity.ExitState;
import org.tickerdesk.trading.entity.ExitTriggered;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.Side;

/**
 * Carries out exits, in order, on its own thread: commits each (the position {@code CLOSING} with
 * the exit's client order id, one transaction for what one tick fired) and only then hands its
 * order to the order desk, whose idempotent client order id does the rest. A limit exit that has
 * not filled after its fallback time is cancelled and sent again at market; a failed exit is
 * retried by {@link #retryFailed}; at start-up {@link #resume} finishes what a stop interrupted, by
 * the exit's client order id: never a second order, never a forgotten one.
 */
@ApplicationScoped
public class ExitOrders {

    private static final Logger LOG = Logger.getLogger(ExitOrders.class.getName());

    @Inject PositionStore store;

    @Inject ExitStatement statement;

    @Inject OrderDesk desk;

    @Inject PositionKeeper keeper;

    @Inject BrokerProtections protections;

    @Inject Event<ExitTriggered> triggered;

    @Inject Clock clock;

    @Resource ManagedThreadFactory threads;

    @Resource ManagedScheduledExecutorService scheduler;

    /** Unless set before {@link #start()} (a test runs them at once), its own thread. */
    Executor lane;

    /**
     * What follows an exit's hand-over (announcing the position, recording {@code sent}, the {@link
     * ExitTriggered} event), in order, off the lane so that the next exit's commit does not wait
     * behind it. Unless set before {@link #start()}, its own thread.
     */
    Executor followUps;

    private ExecutorService ownLane;
    private ExecutorService ownFollowUps;

    private final ConcurrentLinkedQueue<ExitPlan> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    @PostConstruct
    void start() {
        if (lane == null) {
            ownLane = Executors.newSingleThreadExecutor(threads);
            lane = ownLane;
        }
        if (followUps == null) {
            ownFollowUps = Executors.newSingleThreadExecutor(threads);
            followUps = ownFollowUps;
        }
    }

    @PreDestroy
    void stop() {
        finish(ownLane);
        finish(ownFollowUps);
    }

    private static void finish(ExecutorService executor) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** From the tick thread or the sweep: queues and returns. */
    public void submit(List<ExitPlan> plans) {
        waiting.addAll(plans);
        if (draining.compareAndSet(false, true)) {
            lane.execute(this::drain);
        }
    }

    /**
     * Everything that fired while the lane was busy goes in one commit: a burst costs one durable
     * commit, not one per exit, and no exit waits behind a queue of commits.
     */
    private void drain() {
        draining.set(false);
        List<ExitPlan> batch = new ArrayList<>();
        for (ExitPlan plan = waiting.poll(); plan != null; plan = waiting.poll()) {
            batch.add(plan);
        }
        if (!batch.isEmpty()) {
            commitAndSend(batch);
        }
    }

    /**
     * The one statement runs once per broker the exits' orders go to (a paper position's to the
     * paper broker, whatever is configured); a plan that does not say where its position is held
     * goes the long way, which reads the position.
     */
    private void commitAndSend(List<ExitPlan> plans) {
        List<CommittedExit> committed = new ArrayList<>();
        List<ExitPlan> left = new ArrayList<>();
        Map<String, List<ExitPlan>> byBroker = new LinkedHashMap<>();
        for (ExitPlan plan : plans) {
            if (plan.broker() == null) {
                left.add(plan);
            } else {
                byBroker.computeIfAbsent(desk.brokerFor(plan.broker()), b -> new ArrayList<>())
                        .add(plan);
            }
        }
        for (Map.Entry<String, List<ExitPlan>> group : byBroker.entrySet()) {
            try {
                ExitStatement.Outcome quick =
                        statement.commit(
                                group.getValue(), clock.instant(), this::ticket, group.getKey());
                committed.addAll(quick.committed());
                left.addAll(quick.left());
            } catch (RuntimeException e) {
                LOG.warning(() -> "Exits go the long way: " + rootMessage(e));
                left.addAll(group.getValue());
            }
        }
        if (!left.isEmpty()) {
            committed.addAll(commitTheLongWay(left));
        }
        sendAll(committed);
    }

    /** Each position read and locked, then decided on: what the one statement did not commit. */
    private List<CommittedExit> commitTheLongWay(List<ExitPlan> plans) {
        List<CommittedExit> committed;
        try {
            committed = store.commit(plans, clock.instant(), this::ticket, desk::brokerFor);
        } catch (RuntimeException e) {
            // another engine took one of the (position, rule) keys first: the rest, one by one
            committed = new ArrayList<>();
            for (ExitPlan plan : plans) {
                try {
                    committed.addAll(
                            store.commit(
                                    List.of(plan), clock.instant(), this::ticket, desk::brokerFor));
                } catch (RuntimeException one) {
                    LOG.warning(
                            () ->
                                    "Exit "
                                            + plan.rule()
                                            + " of position "
                                            + plan.positionId()
                                            + " was not committed (fired before, or the position"
                                            + " changed): it is not sent. "
                                            + rootMessage(one));
                }
            }
        }
        return committed;
    }

    /**
     * Hands each committed order to the order desk, then leaves the rest to the follow-ups: each
     * position announced as the commit left it ({@code CLOSING} before its exit can fill), what was
     * handed over recorded in one transaction, and the events. An exit handed over but not recorded
     * as sent when the server stops is found by its order at start-up ({@link #resume}).
     */
    private void sendAll(List<CommittedExit> committed) {
        List<PositionStore.Sent> sent = new ArrayList<>(committed.size());
        List<CommittedExit> handedOver = new ArrayList<>(committed.size());
        for (CommittedExit exit : committed) {
            if (exit.order() != null) {
                sent.add(handOverStored(exit));
                handedOver.add(exit);
            }
        }
        followUps.execute(() -> followUp(committed, sent, handedOver));
    }

    private void followUp(
            List<CommittedExit> committed,
            List<PositionStore.Sent> sent,
            List<CommittedExit> handedOver) {
        try {
            // the engine marked the guards closing already, and ignores this older state of a
            // position whose fill closed it meanwhile
            committed.forEach(this::announce);
            if (!sent.isEmpty()) {
                store.sent(sent);
            }
            handedOver.forEach(this::afterSent);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Recording exits as sent failed; the start-up finds them", e);
        }
    }

    /** The position as its exit's commit left it; read now when the commit did not read it. */
    private void announce(CommittedExit exit) {
        if (exit.position() != null) {
            keeper.announce(exit.position());
        } else {
            store.find(exit.positionId()).ifPresent(keeper::announce);
        }
    }

    /**
     * Commits and sends one exit (a close the trader asked for) in turn with the engine's, and
     * waits for it; false when the position could not be closed this way (not open any more).
     */
    public boolean closeNow(ExitPlan plan) {
        try {
            return CompletableFuture.supplyAsync(
                            () -> {
                                List<CommittedExit> committed =
                                        store.commit(
                                                List.of(plan),
                                                clock.instant(),
                                                this::ticket,
                                                desk::brokerFor);
                                sendAll(committed);
                                return !committed.isEmpty();
                            },
                            lane)
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while closing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The close could not be committed: " + e, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** One exit on its own (a retry, one found at start-up): handed over and recorded. */
    private void send(CommittedExit exit) {
        Optional<PositionStore.Sent> sent = handOver(exit);
        if (sent.isPresent()) {
            store.sent(List.of(sent.get()));
            afterSent(exit);
        }
    }

    /** The exit's order as a ticket, checked by the order desk. */
    private OrderTicket ticket(CommittedExit exit) {
        return desk.ticket(input(exit));
    }

    /**
     * The exit's order, to the paper broker when its position is held there: a retry or an exit
     * found at start-up never reaches the live broker for a paper position.
     */
    private OrderInput input(CommittedExit exit) {
        return new OrderInput(
                exit.clientOrderId(),
                exit.symbol(),
                exit.side().name(),
                exit.quantity().stripTrailingZeros().toPlainString(),
                exit.orderType().name(),
                exit.limitPrice() == null
                        ? ""
                        : onGrid(exit.symbol(), exit.limitPrice(), exit.side()).toPlainString(),
                "",
                "DAY",
                exit.ocaGroup(),
                OrderDesk.isPaper(heldAt(exit)));
    }

    /** The broker the exit's position is held at, as the commit saw it; null when not known. */
    private static String heldAt(CommittedExit exit) {
        if (exit.position() != null) {
            return exit.position().broker();
        }
        return exit.order() == null ? null : exit.order().broker();
    }

    /** Hands an exit's order, stored with the exit, to the broker. */
    private PositionStore.Sent handOverStored(CommittedExit exit) {
        desk.handOver(exit.order(), exit.ticket());
        Duration tickToOrder =
                exit.tickNanos() == 0
                        ? null
                        : Duration.ofNanos(System.nanoTime() - exit.tickNanos());
        return new PositionStore.Sent(exit.clientOrderId(), clock.instant(), tickToOrder);
    }

    /** Hands the exit's order to the order desk; empty when the desk refused it. */
    private Optional<PositionStore.Sent> handOver(CommittedExit exit) {
        String id = exit.clientOrderId();
        try {
            desk.submit(input(exit));
        } catch (ProblemException | IllegalArgumentException e) {
            LOG.warning(() -> "Exit " + id + " could not be placed: " + e.getMessage());
            store.failed(id, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Exit " + id + " could not be placed", e);
            store.failed(id, "could not be placed: " + e);
            return Optional.empty();
        }
        Duration tickToOrder =
                exit.tickNanos() == 0
                        ? null
                        : Duration.ofNanos(System.nanoTime() - exit.tickNanos());
        return Optional.of(new PositionStore.Sent(id, clock.instant(), tickToOrder));
    }

    private void afterSent(CommittedExit exit) {
        triggered.fire(
                new ExitTriggered(
                        exit.positionId(),
                        exit.symbol(),
                        exit.rule(),
                        exit.clientOrderId(),
                        exit.quantity(),
                        clock.instant()));
        if (exit.orderType() == OrderType.LMT) {
            fallBackLater(exit);
        }
    }

    /** A limit exit rounds to the tick grid towards filling: down for a sale, up for a purchase. */
    private BigDecimal onGrid(String symbol, BigDecimal price, Side side) {
        BigDecimal tick =
                desk.contract(symbol)
                        .map(c -> c.tickSize())
                        .filter(t -> t != null && t.signum() > 0)
                        .orElse(new BigDecimal("0.01"));
        BigDecimal ticks =
                price.divide(
                        tick, 0, side == Side.SELL ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return ticks.max(BigDecimal.ONE).multiply(tick).stripTrailingZeros();
    }

    private void fallBackLater(CommittedExit exit) {
        int seconds = fallbackSeconds(exit);
        scheduler.schedule(
                () -> lane.execute(() -> fallBack(exit.clientOrderId())),
                seconds,
                TimeUnit.SECONDS);
    }

    private int fallbackSeconds(CommittedExit exit) {
        return store.find(exit.positionId())
                .map(p -> ExitRulesJson.read(p.rules()).exitOrder().fallbackSeconds())
                .filter(s -> s > 0)
                .orElse(1);
    }

    /** The limit did not fill in time: cancelled, and what is left goes again at market. */
    private void fallBack(String clientOrderId) {
        Optional<OrderSnapshot> order = desk.find(clientOrderId);
        if (order.isEmpty() || order.get().status().isFinal()) {
            return;
        }
        try {
            desk.cancel(clientOrderId);
        } catch (ProblemException e) {
            LOG.warning(
                    () ->
                            "The limit exit "
                                    + clientOrderId
                                    + " could not be cancelled to go at market: "
                                    + e.getMessage());
            return;
        }
        desk.find(clientOrderId).ifPresent(keeper::apply);
        retryNow();
    }

    /** Brings the position's protection at the broker in step, in turn with the exits. */
    public void protect(PositionSnapshot position) {
        lane.execute(
                () -> {
                    try {
                        protections.keep(position);
                    } catch (RuntimeException e) {
                        LOG.log(
                                Level.SEVERE,
                                e,
                                () -> "Position " + position.id() + "'s protection failed");
                    }
                });
    }

    /** Sends again, at market, what failed: from the sweep; queues and returns. */
    public void retryFailed() {
        lane.execute(this::retryNow);
    }

    private void retryNow() {
        for (CommittedExit exit : store.unfinished()) {
            if (store.exitState(exit.clientOrderId()).orElse(null) == ExitState.FAILED) {
                store.retry(exit.clientOrderId()).ifPresent(this::send);
            }
        }
    }

    /**
     * At start-up: an exit committed but not handed over is sent now unless the order desk has it;
     * one handed over is brought up to date from its order; a failed one is retried.
     */
    public void resume() {
        lane.execute(
                () -> {
                    for (CommittedExit exit : store.unfinished()) {
                        String id = exit.clientOrderId();
                        ExitState state = store.exitState(id).orElse(null);
                        Optional<OrderSnapshot> order = desk.find(id);
                        if (state == ExitState.PENDING && order.isEmpty()) {
                            LOG.info(() -> "Exit " + id + " was committed but not sent: sending");
                            send(exit);
                        } else if (order.isPresent()) {
                            if (state == ExitState.PENDING) {
                                store.sent(id, clock.instant(), null);
                            }
                            keeper.apply(order.get());
                        }
                    }
                    retryNow();
                });
    }
}

package org.tickerdesk.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.trading.entity.BrokerStatus;
import org.tickerdesk.trading.entity.Holding;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderUpdated;
import org.tickerdesk.trading.entity.WorkingOrder;

/**
 * Where every order enters: checked, stored (committed) before the broker sees it, then handed to
 * the broker that {@code tickerdesk.trading} names ({@link Brokers}), the paper broker unless it
 * says {@code ibkr}. When that broker is a live one, the built-in {@link PaperBroker} runs beside
 * it for the orders that ask for it ({@link OrderInput#paper()}: a trader copied in paper mode, the
 * exits and protection of the positions such orders opened); when it is the paper broker already,
 * those orders simply go to it. Each order is stored with the broker it went to, and cancelling it
 * or following it after a restart asks that broker. A client order id given twice gets the first
 * order back, never a second one. What brokers report is applied to the stored orders one event at
 * a time, in arrival order, on the desk's own thread, and every change is announced as {@link
 * OrderUpdated}.
 *
 * <p>In a cluster only the leading member runs the brokers ({@link #lead}, {@link #follow}): the
 * TWS session is its alone, and the paper broker's resting orders must fill on one member's ticks,
 * not on each. Another member stores an order as the leader would, then posts its client order id
 * to the leader ({@link LeaderInbox}), which sends it; its answer waits for the order's first
 * change in the database. An order stored while the lead changed hands is a working order for the
 * next leader's brokers, as after a restart: found again, never sent twice.
 */
@Startup
@Singleton
@DependsOn({"Migrations", "Leadership"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderDesk {

    public static final int MAX_LIST = 500;

    /** How long a request waits for the broker's immediate answer (a paper fill) to be applied. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(OrderDesk.class.getName());

    @Inject OrderStore store;

    @Inject KnownContracts contracts;

    /** The configured one, chosen by {@link Brokers}. */
    @Inject Broker broker;

    /** The built-in paper broker: the configured one too, or running beside a live one. */
    @Inject
    @Broker.ConfiguredAs(BrokerName.PAPER)
    Broker paper;

    @Inject Event<OrderUpdated> updates;

    @Inject Clock clock;

    @Inject Leadership leadership;

    @Inject LeaderInbox inbox;

    @Resource ManagedThreadFactory threads;

    /**
     * Applies broker events, one at a time. Unless set before {@link #start()} (a test runs them at
     * once), the desk's own thread.
     */
    Executor lane;

    private ExecutorService ownLane;

    /** How orders reach the leader's brokers from a member that does not lead. */
    private OrderRoute route;

    /** Whether this member's brokers run: always standalone, while it leads in a cluster. */
    private volatile boolean brokersRunning;

    /**
     * The container, and a test after setting the fields above, start the desk the same way.
     * Standalone the brokers start now; in a cluster when this member leads.
     */
    @PostConstruct
    void start() {
        if (lane == null) {
            ownLane = Executors.newSingleThreadExecutor(threads);
            lane = ownLane;
        }
        route = new OrderRoute(inbox, lane, SETTLE, new AsLeader());
        if (!leadership.clustered()) {
            lead();
        }
    }

    /**
     * Starts the brokers with the orders they held, as at start-up: when this member takes the
     * lead, the orders the last leader sent are working orders here. Nothing when they run.
     */
    public synchronized void lead() {
        if (brokersRunning) {
            return;
        }
        for (Broker running : running()) {
            List<WorkingOrder> working = working(running);
            working.forEach(order -> route.sentAlready(order.clientOrderId()));
            running.start(this::receive, working);
        }
        brokersRunning = true;
        LOG.info(
                () ->
                        "Orders go to the "
                                + broker.name()
                                + " broker"
                                + (broker.live() ? " (LIVE)" : "")
                                + (paperBeside()
                                        ? "; paper-mode orders to the paper broker beside it"
                                        : ""));
    }

    /**
     * When this member stops leading: the paper broker's resting orders are the next leader's to
     * fill. A live broker's session is closed by its own link to leadership, and its orders rest at
     * the broker.
     */
    public synchronized void follow() {
        if (!brokersRunning) {
            return;
        }
        brokersRunning = false;
        paper.close();
        LOG.info("This member no longer leads: its orders go to the leading member");
    }

    /** Whether the paper broker runs beside the configured one, which is not the paper broker. */
    public boolean paperBeside() {
        return !broker.name().equals(PaperBroker.NAME);
    }

    /** The brokers orders go to: the configured one, then the paper broker if it runs beside. */
    private List<Broker> running() {
        return paperBeside() ? List.of(broker, paper) : List.of(broker);
    }

    /** The names of the brokers orders go to now; an order stored under another one is not here. */
    public List<String> brokerNames() {
        return running().stream().map(Broker::name).toList();
    }

    /**
     * The broker an order goes to: the paper broker when it asks for it, whatever is configured;
     * else the configured one.
     */
    Broker route(boolean toPaper) {
        return toPaper ? paper : broker;
    }

    /** The running broker that orders stored under {@code name} went to. */
    private Optional<Broker> named(String name) {
        return running().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The orders the broker held when Tickerdesk stopped, each with the ticket it was sent as. */
    private List<WorkingOrder> working(Broker held) {
        List<WorkingOrder> working = new ArrayList<>();
        for (OrderSnapshot order : store.working(held.name())) {
            ticketOf(order).ifPresent(ticket -> working.add(new WorkingOrder(ticket, order)));
        }
        return working;
    }

    /** The ticket a stored order was sent as; empty, and said, when its instrument is unknown. */
    private Optional<OrderTicket> ticketOf(OrderSnapshot order) {
        Optional<Contract> contract = contract(order.symbol());
        if (contract.isEmpty()) {
            LOG.warning(
                    () ->
                            "Order "
                                    + order.clientOrderId()
                                    + " is "
                                    + order.status()
                                    + " but its instrument "
                                    + order.symbol()
                                    + " is unknown now: the "
                                    + order.broker()
                                    + " broker cannot follow it");
            return Optional.empty();
        }
        return Optional.of(
                new OrderTicket(
                        order.clientOrderId(),
                        contract.get(),
                        order.side(),
                        order.quantity(),
                        order.type(),
                        order.limitPrice(),
                        order.stopPrice(),
                        order.tif(),
                        order.ocaGroup()));
    }

    @PreDestroy
    void stop() {
        running().forEach(Broker::close);
        if (ownLane == null) {
            return;
        }
        ownLane.shutdown();
        try {
            ownLane.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A placed order; {@code created} is false when the client order id named an existing one. */
    public record Placement(OrderSnapshot order, boolean created) {}

    /**
     * Checks, stores and sends an order. The answer shows the order as the broker's immediate reply
     * left it: filled for a paper market order, usually still new for IBKR.
     *
     * @throws InvalidOrderException when the input is wrong; nothing is stored then
     * @throws OrderRefusedException when the client order id belongs to a different order
     */
    public Placement place(OrderInput input) {
        return place(input, true);
    }

    /**
     * Checks, stores and sends an order without waiting for the broker's immediate answer: for the
     * exit engine, whose time from tick to order counts, and which learns the rest from {@link
     * OrderUpdated}.
     */
    public Placement submit(OrderInput input) {
        return place(input, false);
    }

    private Placement place(OrderInput input, boolean waitForAnswer) {
        OrderTicket ticket =
                input.toTicket(
                        this::contract,
                        () -> "td-" + UUID.randomUUID().toString().replace("-", ""));
        String id = ticket.clientOrderId();
        Optional<OrderSnapshot> existing = store.find(id);
        if (existing.isPresent()) {
            return repeated(existing.get(), ticket);
        }
        OrderSnapshot stored;
        try {
            stored = store.insert(new Order(ticket, route(input.paper()).name(), clock.instant()));
        } catch (RuntimeException e) {
            // two requests with one client order id at once: the unique key let only the other one
            // in
            return store.find(id).map(other -> repeated(other, ticket)).orElseThrow(() -> e);
        }
        handOver(stored, ticket);
        if (!waitForAnswer) {
            return new Placement(stored, true);
        }
        if (brokersRunning) {
            settle();
        } else {
            route.awaitPlaced(id);
        }
        return new Placement(store.find(id).orElse(stored), true);
    }

    /**
     * The ticket an order would be sent as, checked as {@link #place} checks it, for a caller that
     * stores the order in a transaction of its own (the exit engine, with the exit it carries out).
     *
     * @throws InvalidOrderException when the input is wrong
     */
    public OrderTicket ticket(OrderInput input) {
        return input.toTicket(
                this::contract, () -> "td-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** The name orders for the configured broker are stored under. */
    public String brokerName() {
        return broker.name();
    }

    /**
     * The name an order for a position held at {@code heldAt} is stored under: the paper broker's
     * for a position the paper broker holds, so that its exit never reaches a live broker; else the
     * configured broker's.
     */
    public String brokerFor(String heldAt) {
        return brokerName(isPaper(heldAt));
    }

    /** The name an order is stored under: the paper broker's when it asks for it. */
    public String brokerName(boolean toPaper) {
        return route(toPaper).name();
    }

    /** Whether orders stored under this broker name go to the paper broker. */
    public static boolean isPaper(String broker) {
        return PaperBroker.NAME.equals(broker);
    }

    /**
     * Hands a stored order to the broker it is stored under, as {@link #place} does once it has
     * stored it: announced, then sent; whatever follows arrives as events.
     */
    public void handOver(OrderSnapshot stored, OrderTicket ticket) {
        lane.execute(() -> updates.fire(new OrderUpdated(stored)));
        if (!brokersRunning && route.active()) {
            route.place(stored.clientOrderId());
            return;
        }
        send(stored, ticket);
    }

    private void send(OrderSnapshot stored, OrderTicket ticket) {
        String id = ticket.clientOrderId();
        Optional<Broker> to = named(stored.broker());
        if (to.isEmpty()) {
            receive(
                    new OrderEvent.Rejected(
                            id,
                            "The "
                                    + stored.broker()
                                    + " broker is not in use: the order was not sent"));
            return;
        }
        try {
            to.get().place(ticket);
        } catch (RuntimeException e) {
            String name = to.get().name();
            LOG.log(Level.WARNING, "The " + name + " broker failed on order " + id, e);
            receive(
                    new OrderEvent.Rejected(
                            id,
                            "The " + name + " broker could not take the order: " + e.getMessage()));
        }
    }

    private static Placement repeated(OrderSnapshot existing, OrderTicket ticket) {
        if (!existing.describes(ticket)) {
            throw new OrderRefusedException(
                    "Client order id "
                            + existing.clientOrderId()
                            + " belongs to another order ("
                            + existing.side()
                            + " "
                            + existing.quantity().toPlainString()
                            + " "
                            + existing.symbol()
                            + " "
                            + existing.type()
                            + "); use a new id for a new order");
        }
        return new Placement(existing, false);
    }

    /**
     * Asks the broker to cancel a working order; empty when there is no such order.
     *
     * @throws OrderRefusedException when the order is final, belongs to another broker, or the
     *     broker cannot ask now
     */
    public Optional<OrderSnapshot> cancel(String clientOrderId) {
        Optional<OrderSnapshot> found = store.find(clientOrderId);
        if (found.isEmpty()) {
            return found;
        }
        OrderSnapshot order = found.get();
        if (order.status().isFinal()) {
            throw new OrderRefusedException(
                    clientOrderId
                            + " is "
                            + order.status()
                            + ": only a working order can be cancelled");
        }
        Broker holding = holding(order);
        if (!brokersRunning && route.active()) {
            route.cancel(clientOrderId);
            return store.find(clientOrderId);
        }
        holding.cancel(order);
        settle();
        return store.find(clientOrderId);
    }

    /**
     * The running broker an order was sent to.
     *
     * @throws OrderRefusedException when that broker is not in use now
     */
    private Broker holding(OrderSnapshot order) {
        return named(order.broker())
                .orElseThrow(
                        () ->
                                new OrderRefusedException(
                                        order.clientOrderId()
                                                + " was sent to the "
                                                + order.broker()
                                                + " broker, but the "
                                                + broker.name()
                                                + " broker is in use now"));
    }

    /** What this desk does when another member's request reaches it as the leader. */
    private final class AsLeader implements OrderRoute.Leader {

        @Override
        public boolean trades() {
            return brokersRunning;
        }

        @Override
        public Optional<OrderSnapshot> find(String clientOrderId) {
            return store.find(clientOrderId);
        }

        @Override
        public void send(OrderSnapshot order) {
            ticketOf(order).ifPresent(ticket -> OrderDesk.this.send(order, ticket));
        }

        @Override
        public void cancel(OrderSnapshot order) {
            holding(order).cancel(order);
        }
    }

    public Optional<OrderSnapshot> find(String clientOrderId) {
        return store.find(clientOrderId);
    }

    /** The newest orders first, without fills. */
    public List<OrderSnapshot> recent(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidOrderException(
                    "limit", "limit must be from 1 to " + MAX_LIST + ", not " + limit);
        }
        return store.recent(limit);
    }

    /**
     * What the configured broker's accounts hold by its own figures; empty for the paper broker,
     * and never what the paper broker beside a live one fills.
     */
    public List<Holding> holdings() {
        return broker.holdings();
    }

    /**
     * The configured broker's status; on a member that does not lead, that orders go to the leading
     * member, which holds the broker.
     */
    public BrokerStatus broker() {
        if (!brokersRunning && route.active()) {
            return new BrokerStatus(
                    broker.name(),
                    broker.live(),
                    true,
                    "Orders go to the leading member, which holds the "
                            + broker.name()
                            + " broker");
        }
        return broker.status();
    }

    /** Called by the broker on any of its threads: queue and return. */
    private void receive(OrderEvent event) {
        try {
            lane.execute(() -> apply(event));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Shutting down: not applied: " + event, e);
        }
    }

    private void apply(OrderEvent event) {
        try {
            store.apply(event, clock.instant())
                    .ifPresent(order -> updates.fire(new OrderUpdated(order)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not apply " + event + " to the stored order", e);
        }
    }

    /**
     * Lets the answer show what the broker replied at once; a slow lane only makes the answer
     * older.
     */
    private void settle() {
        try {
            CompletableFuture.runAsync(() -> {}, lane)
                    .get(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.FINE, "Answering before the broker's events were applied", e);
        }
    }

    /**
     * The contract orders for this symbol are placed on. Watched synthetic stocks of the simulated
     * market live in configuration only, not in the catalog.
     */
    public Optional<Contract> contract(String symbol) {
        return contracts.contract(symbol);
    }
}

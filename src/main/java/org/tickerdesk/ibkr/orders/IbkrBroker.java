package org.tickerdesk.ibkr.orders;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.account.IbkrHoldings;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.SessionRequests;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.NextValidId;
import org.tickerdesk.ibkr.wire.messages.orders.ExecutionEnd;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrder;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrderEnd;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.trading.control.Broker;
import org.tickerdesk.trading.control.OrderRefusedException;
import org.tickerdesk.trading.entity.BrokerStatus;
import org.tickerdesk.trading.entity.Holding;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.WorkingOrder;

/**
 * The IBKR broker: Tickerdesk's orders go to TWS with the client order id as {@code orderRef} and
 * an order id from nextValidId. An order is sent once. After every (re)connect the broker asks TWS
 * for its open orders and the day's executions and matches them by orderRef: an order TWS lists is
 * working, one it reports filled is filled, and one it does neither for gets an unknown fate, shown
 * to the trader and never sent again. Reports arrive on the reader thread and are only translated
 * and queued here. The account's holdings come from {@link IbkrHoldings}, on the same session.
 */
public final class IbkrBroker implements Broker, TwsSession.Listener {

    public static final String NAME = BrokerName.IBKR.setting();
    private static final Logger LOG = Logger.getLogger(IbkrBroker.class.getName());

    private final TwsSession session;
    private final TrackedOrders orders = new TrackedOrders(Clock.systemUTC());
    private final IbkrHoldings holdings;

    /**
     * Order ids must reach TWS in increasing order: taking one and sending it happen under this
     * lock.
     */
    private final Object sending = new Object();

    private int nextOrderId = -1;
    private Sync sync;

    /** Only the session thread reads and writes it. */
    private boolean syncedThisConnection;

    private volatile Consumer<OrderEvent> events = event -> {};
    private volatile String detail;
    private volatile boolean closed;

    /** Whether {@link #start} added this broker to the session's listeners already. */
    private boolean listening;

    public IbkrBroker(TwsSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.holdings = new IbkrHoldings(session);
        this.detail = "Connecting to TWS at " + session.settings().address();
    }

    /** The requests of one sync and what their answers have shown so far. */
    private static final class Sync {
        final int executionsRequest;
        final Set<String> expected;
        final Set<String> listed = new HashSet<>();
        boolean openOrdersEnded;
        boolean executionsEnded;

        Sync(int executionsRequest, Set<String> expected) {
            this.executionsRequest = executionsRequest;
            this.expected = expected;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public BrokerStatus status() {
        return new BrokerStatus(NAME, true, session.isConnected(), detail);
    }

    /**
     * Started again when this member takes the lead in a cluster: the orders another member sent
     * since are tracked then too, and the next connection's sync asks TWS about them.
     */
    @Override
    public void start(Consumer<OrderEvent> events, List<WorkingOrder> working) {
        boolean first;
        synchronized (this) {
            first = !listening;
            listening = true;
            this.events = Objects.requireNonNull(events, "events");
            for (WorkingOrder order : working) {
                OrderSnapshot stored = order.stored();
                orders.track(
                        order.clientOrderId(),
                        stored.quantity(),
                        orderId(stored.brokerOrderId()),
                        stored.filledQuantity(),
                        stored.execIds());
            }
        }
        if (first) {
            session.addListener(this);
        }
        session.start();
        // a shared session may be connected already and then calls no onConnected for us
        session.execute(this::syncOnce);
        if (first) {
            holdings.start();
        }
    }

    @Override
    public void place(OrderTicket ticket) {
        String ref = ticket.clientOrderId();
        IbContract contract;
        OrderRequest request;
        try {
            contract = ContractMapping.toIb(ticket.contract());
            request =
                    new OrderRequest(
                            OrderRequest.Action.valueOf(ticket.side().name()),
                            ticket.quantity(),
                            type(ticket),
                            ticket.limitPrice(),
                            ticket.stopPrice(),
                            OrderRequest.TimeInForce.valueOf(ticket.tif().name()),
                            ref,
                            "",
                            false,
                            ticket.ocaGroup());
        } catch (IllegalArgumentException e) {
            events.accept(
                    new OrderEvent.Rejected(ref, "Cannot be sent to IBKR: " + e.getMessage()));
            return;
        }
        synchronized (sending) {
            int orderId;
            synchronized (this) {
                if (!session.isConnected() || nextOrderId < 0) {
                    events.accept(
                            new OrderEvent.Rejected(
                                    ref,
                                    "Not connected to TWS at "
                                            + session.settings().address()
                                            + ": the order was not sent"));
                    return;
                }
                orderId = nextOrderId++;
                orders.track(ref, ticket.quantity(), orderId, BigDecimal.ZERO, Set.of());
                events.accept(new OrderEvent.Sent(ref, String.valueOf(orderId)));
            }
            try {
                session.send(v -> OrderRequests.placeOrder(v, orderId, contract, request));
            } catch (IOException e) {
                events.accept(
                        new OrderEvent.Lost(
                                ref,
                                "The connection to TWS broke while the order was being sent ("
                                        + e.getMessage()
                                        + "): it may or may not have reached TWS. It is not sent"
                                        + " again; once TWS is back it is looked for by its"
                                        + " orderRef."));
            }
        }
    }

    @Override
    public void cancel(OrderSnapshot order) {
        int orderId;
        synchronized (this) {
            orderId = orders.orderIdOf(order.clientOrderId());
        }
        if (orderId <= 0) {
            throw new OrderRefusedException(
                    order.clientOrderId()
                            + " has no TWS order id yet, so it cannot be cancelled from"
                            + " here; cancel it in TWS");
        }
        if (!session.isConnected()) {
            throw new OrderRefusedException(
                    "Not connected to TWS at "
                            + session.settings().address()
                            + ": the cancel cannot"
                            + " be sent now, and the order may still be working at IBKR");
        }
        try {
            session.send(v -> OrderRequests.cancelOrder(v, orderId));
        } catch (IOException e) {
            throw new OrderRefusedException(
                    "The cancel could not be sent to TWS ("
                            + e.getMessage()
                            + "); the order may still"
                            + " be working at IBKR");
        }
        events.accept(new OrderEvent.CancelRequested(order.clientOrderId()));
    }

    /**
     * What TWS last reported the login's accounts to hold; empty until it has reported once after
     * {@link #start}. Safe from any thread.
     */
    @Override
    public List<Holding> holdings() {
        return holdings.holdings();
    }

    @Override
    public void close() {
        closed = true;
        holdings.close();
        events = event -> {};
    }

    @Override
    public void onConnected(SessionInfo info, String detail) {
        synchronized (this) {
            nextOrderId = Math.max(nextOrderId, info.nextOrderId());
        }
        this.detail =
                detail
                        + (info.accounts().size() == 1 ? ", account " : ", accounts ")
                        + String.join(", ", info.accounts());
        syncedThisConnection = false;
        syncOnce();
    }

    @Override
    public void onDisconnected(String detail) {
        synchronized (this) {
            sync = null;
        }
        syncedThisConnection = false;
        this.detail = detail;
    }

    @Override
    public void onMessage(IncomingMessage message) {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (message instanceof NextValidId next) {
                nextOrderId = Math.max(nextOrderId, next.orderId());
                return;
            }
            String ref = orders.read(message, events);
            if (sync == null) {
                return;
            }
            if (message instanceof OpenOrder && ref != null) {
                sync.listed.add(ref);
            } else if (message instanceof OpenOrderEnd) {
                sync.openOrdersEnded = true;
            } else if (message instanceof ExecutionEnd end
                    && end.reqId() == sync.executionsRequest) {
                sync.executionsEnded = true;
            }
            if (sync.openOrdersEnded && sync.executionsEnded) {
                orders.settle(sync.expected, sync.listed, events);
                sync = null;
            }
        }
    }

    /** On the session thread: asks TWS what became of our orders, once per connection. */
    private void syncOnce() {
        if (syncedThisConnection || closed || !session.isConnected()) {
            return;
        }
        syncedThisConnection = true;
        int executions = session.nextRequestId();
        synchronized (this) {
            sync = new Sync(executions, orders.beginSync());
        }
        send(OrderRequests::reqOpenOrders);
        send(v -> OrderRequests.reqExecutions(v, executions));
        send(v -> SessionRequests.reqIds(v, 1));
    }

    private void send(IntFunction<OutgoingMessage> request) {
        try {
            session.send(request);
        } catch (IOException e) {
            LOG.log(
                    Level.FINE,
                    "TWS went away during the order sync; the next connection syncs again: {0}",
                    e.getMessage());
        }
    }

    private static OrderRequest.Type type(OrderTicket ticket) {
        return switch (ticket.type()) {
            case MKT -> OrderRequest.Type.MARKET;
            case LMT -> OrderRequest.Type.LIMIT;
            case STP -> OrderRequest.Type.STOP;
            case STP_LMT -> OrderRequest.Type.STOP_LIMIT;
        };
    }

    private static int orderId(String brokerOrderId) {
        try {
            return brokerOrderId == null ? 0 : Integer.parseInt(brokerOrderId);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package org.tickerdesk.ibkr.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.ibkr.wire.messages.orders.CommissionReport;
import org.tickerdesk.ibkr.wire.messages.orders.Execution;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrder;
import org.tickerdesk.ibkr.wire.messages.orders.OrderStatus;
import org.tickerdesk.trading.entity.OrderEvent;

/**
 * Tickerdesk's orders at TWS as the IBKR broker knows them, and what TWS's reports mean for them.
 * openOrder and execDetails name an order by its orderRef (our client order id), so it is
 * recognised in any session; orderStatus and errMsg name it by IB's order id. execDetails adds a
 * fill (an exec id counts once) and commissionReport prices it. errMsg 202 cancels; 201 and the
 * codes of a request TWS refused outright reject; every other message about an order is only noted,
 * because marking a working order rejected would hide an order that can still fill. Not
 * thread-safe: the broker guards it.
 */
final class TrackedOrders {

    private static final Set<String> WORKING =
            Set.of("PendingSubmit", "ApiPending", "PreSubmitted", "Submitted");
    private static final Set<String> CANCELLED = Set.of("Cancelled", "ApiCancelled");

    /**
     * Duplicate id, off the tick grid, no such contract, rejected, not allowed, invalid request,
     * size zero.
     */
    private static final Set<Integer> REFUSALS = Set.of(103, 110, 200, 201, 203, 321, 434);

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

    private final Map<String, Tracked> byRef = new HashMap<>();
    private final Map<Integer, Tracked> byOrderId = new HashMap<>();
    private final Map<String, Tracked> byExecId = new HashMap<>();
    private final Clock clock;

    TrackedOrders(Clock clock) {
        this.clock = clock;
    }

    private static final class Tracked {
        final String ref;
        final BigDecimal quantity;
        final Set<String> execIds;
        BigDecimal filled;
        int orderId;
        boolean done;
        String lastStatus;
        String lastError;

        Tracked(String ref, BigDecimal quantity, BigDecimal filled, Set<String> execIds) {
            this.ref = ref;
            this.quantity = quantity;
            this.filled = filled;
            this.execIds = new HashSet<>(execIds);
        }
    }

    /**
     * Follows an order; {@code orderId} is 0 while IB's id is not known (found again by orderRef).
     */
    void track(
            String ref, BigDecimal quantity, int orderId, BigDecimal filled, Set<String> execIds) {
        Tracked order = new Tracked(ref, quantity, filled, execIds);
        byRef.put(ref, order);
        link(order, orderId);
    }

    /** IB's order id, or 0 when it is not known. */
    int orderIdOf(String ref) {
        Tracked order = byRef.get(ref);
        return order == null ? 0 : order.orderId;
    }

    /**
     * The orders that should still be at TWS, neither ended nor filled, whose fate a sync is to
     * establish; what TWS answers about them is reported afresh, even a status it reported before.
     */
    Set<String> beginSync() {
        Set<String> open = new HashSet<>();
        for (Tracked order : byRef.values()) {
            if (!order.done && order.filled.compareTo(order.quantity) < 0) {
                order.lastStatus = null;
                open.add(order.ref);
            }
        }
        return open;
    }

    /**
     * What a sync found: an expected order that TWS neither lists nor reports filled has an unknown
     * fate.
     */
    void settle(Set<String> expected, Set<String> listed, Consumer<OrderEvent> out) {
        for (String ref : expected) {
            Tracked order = byRef.get(ref);
            if (order.done || listed.contains(ref) || order.filled.compareTo(order.quantity) >= 0) {
                continue;
            }
            String filled =
                    order.filled.signum() == 0
                            ? ""
                            : "It was partially filled ("
                                    + order.filled.toPlainString()
                                    + " of "
                                    + order.quantity.toPlainString()
                                    + "). ";
            out.accept(
                    new OrderEvent.Lost(
                            ref,
                            "After reconnecting, TWS neither lists this order as open nor reports"
                                + " it filled today: it may have been cancelled, have expired or"
                                + " never have reached TWS. "
                                    + filled
                                    + "Check TWS; Tickerdesk does not send it again."));
        }
    }

    /**
     * Turns one TWS message into events about our orders; the client order id it concerned, or
     * null.
     */
    String read(IncomingMessage message, Consumer<OrderEvent> out) {
        if (message instanceof OpenOrder open) {
            Tracked order = byRef.get(open.orderRef());
            if (order != null) {
                link(order, open.orderId());
                status(order, open.status(), out);
                return order.ref;
            }
        } else if (message instanceof OrderStatus status) {
            Tracked order = byOrderId.get(status.orderId());
            if (order != null) {
                status(order, status.status(), out);
                return order.ref;
            }
        } else if (message instanceof Execution execution) {
            return executed(execution, out);
        } else if (message instanceof CommissionReport report) {
            Tracked order = byExecId.get(report.execId());
            if (order != null && report.commission() != null) {
                out.accept(
                        new OrderEvent.Charged(
                                order.ref,
                                report.execId(),
                                report.commission(),
                                report.currency()));
                return order.ref;
            }
        } else if (message instanceof TwsError error) {
            Tracked order = error.reqId() > 0 ? byOrderId.get(error.reqId()) : null;
            if (order != null) {
                error(order, error, out);
                return order.ref;
            }
        }
        return null;
    }

    private void status(Tracked order, String status, Consumer<OrderEvent> out) {
        if (order.done || status.equals(order.lastStatus)) {
            return;
        }
        order.lastStatus = status;
        if (WORKING.contains(status)) {
            out.accept(new OrderEvent.Accepted(order.ref, String.valueOf(order.orderId)));
        } else if (status.equals("PendingCancel")) {
            out.accept(new OrderEvent.CancelRequested(order.ref));
        } else if (CANCELLED.contains(status)) {
            order.done = true;
            out.accept(
                    new OrderEvent.Cancelled(
                            order.ref,
                            order.lastError != null ? order.lastError : "Cancelled at TWS"));
        } else if (status.equals("Inactive")) {
            order.done = true;
            out.accept(
                    new OrderEvent.Rejected(
                            order.ref,
                            order.lastError != null
                                    ? order.lastError
                                    : "TWS reports the order inactive: IB or the exchange rejected"
                                            + " or cancelled it"));
        } else if (!status.equals("Filled")) {
            // a Filled status adds nothing: the executions carry the quantities and prices
            out.accept(new OrderEvent.Noted(order.ref, "TWS reports the order " + status));
        }
    }

    private String executed(Execution execution, Consumer<OrderEvent> out) {
        // by orderRef only: the day's executions include other clients' orders, whose ids may equal
        // ours
        Tracked order = byRef.get(execution.orderRef());
        if (order == null) {
            return null;
        }
        byExecId.put(execution.execId(), order);
        if (order.execIds.add(execution.execId())) {
            order.filled = order.filled.add(execution.shares());
        }
        out.accept(
                new OrderEvent.Filled(
                        order.ref,
                        execution.execId(),
                        execution.shares(),
                        execution.price(),
                        executionTime(execution.time())));
        return order.ref;
    }

    private static void error(Tracked order, TwsError error, Consumer<OrderEvent> out) {
        String text = error.describe();
        order.lastError = text;
        if (order.done) {
            return;
        }
        if (error.code() == 202) {
            order.done = true;
            out.accept(new OrderEvent.Cancelled(order.ref, text));
        } else if (REFUSALS.contains(error.code())) {
            order.done = true;
            out.accept(new OrderEvent.Rejected(order.ref, text));
        } else if (error.severity() != IbError.Severity.INFO) {
            out.accept(new OrderEvent.Noted(order.ref, text));
        }
    }

    private void link(Tracked order, int orderId) {
        if (orderId > 0 && orderId != order.orderId) {
            byOrderId.remove(order.orderId);
            order.orderId = orderId;
            byOrderId.put(orderId, order);
        }
    }

    /**
     * "20251121 10:00:01 US/Eastern", "20251121 10:00:01" (TWS's own zone) or "20251121-15:00:01"
     * (UTC).
     */
    private Instant executionTime(String text) {
        String[] parts = text.trim().split("\\s+");
        try {
            if (parts.length == 1) {
                return LocalDateTime.parse(parts[0], UTC_TIME).toInstant(ZoneOffset.UTC);
            }
            ZoneId zone = parts.length > 2 ? ZoneId.of(parts[2]) : ZoneId.systemDefault();
            return LocalDateTime.parse(parts[0] + " " + parts[1], LOCAL_TIME)
                    .atZone(zone)
                    .toInstant();
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }
}

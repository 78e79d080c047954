package org.tickerdesk.ibkr.orders;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An order as Tickerdesk places it: market, limit, stop (the stop price is IB's {@code auxPrice})
 * or stop-limit, day or good-till-cancelled, alone or in an OCA group. {@code orderRef} carries
 * Tickerdesk's own client order id, so the order is recognisable in {@code openOrder} and {@code
 * execDetails} after a reconnect. {@code ocaGroup} is empty for an order in no group; in one, IB
 * cancels the group's other orders once this one fills.
 */
public record OrderRequest(
        Action action,
        BigDecimal quantity,
        Type type,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        TimeInForce timeInForce,
        String orderRef,
        String account,
        boolean outsideRth,
        String ocaGroup) {

    private static final Pattern REF = Pattern.compile("[\\x21-\\x7E]{1,64}");

    public enum Action {
        BUY,
        SELL
    }

    public enum TimeInForce {
        DAY,
        GTC
    }

    /** The order types offered, with IB's spelling on the wire. */
    public enum Type {
        MARKET("MKT"),
        LIMIT("LMT"),
        STOP("STP"),
        STOP_LIMIT("STP LMT");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        boolean needsLimit() {
            return this == LIMIT || this == STOP_LIMIT;
        }

        boolean needsStop() {
            return this == STOP || this == STOP_LIMIT;
        }
    }

    public OrderRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("An order needs a positive quantity");
        }
        if (type.needsLimit() != (limitPrice != null)) {
            throw new IllegalArgumentException(
                    type.wire() + (type.needsLimit() ? " needs" : " takes no") + " limit price");
        }
        if (type.needsStop() != (stopPrice != null)) {
            throw new IllegalArgumentException(
                    type.wire() + (type.needsStop() ? " needs" : " takes no") + " stop price");
        }
        if ((limitPrice != null && limitPrice.signum() <= 0)
                || (stopPrice != null && stopPrice.signum() <= 0)) {
            throw new IllegalArgumentException("Prices must be positive");
        }
        if (orderRef == null || !REF.matcher(orderRef).matches()) {
            throw new IllegalArgumentException(
                    "orderRef must be 1 to 64 printable ASCII characters without spaces");
        }
        account = account == null ? "" : account;
        ocaGroup = ocaGroup == null ? "" : ocaGroup;
        if (!ocaGroup.isEmpty() && !REF.matcher(ocaGroup).matches()) {
            throw new IllegalArgumentException(
                    "ocaGroup must be 1 to 64 printable ASCII characters without spaces");
        }
    }

    /** An order in no OCA group. */
    public OrderRequest(
            Action action,
            BigDecimal quantity,
            Type type,
            BigDecimal limitPrice,
            BigDecimal stopPrice,
            TimeInForce timeInForce,
            String orderRef,
            String account,
            boolean outsideRth) {
        this(
                action,
                quantity,
                type,
                limitPrice,
                stopPrice,
                timeInForce,
                orderRef,
                account,
                outsideRth,
                "");
    }

    public boolean inOcaGroup() {
        return !ocaGroup.isEmpty();
    }

    public static OrderRequest market(Action action, BigDecimal quantity, String orderRef) {
        return new OrderRequest(
                action, quantity, Type.MARKET, null, null, TimeInForce.DAY, orderRef, "", false);
    }

    public static OrderRequest limit(
            Action action,
            BigDecimal quantity,
            BigDecimal limit,
            TimeInForce tif,
            String orderRef) {
        return new OrderRequest(
                action, quantity, Type.LIMIT, limit, null, tif, orderRef, "", false);
    }
}

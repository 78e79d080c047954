package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tickerdesk.instruments.entity.Contract;

/**
 * An order as the order desk hands it to a broker: Tickerdesk's client order id, the contract,
 * side, quantity, type with the prices it needs, time in force and, for orders that protect a
 * position at the broker, the OCA group whose other orders the broker cancels when this one fills.
 * A ticket that exists is a valid one. The client order id travels to the broker (IBKR's {@code
 * orderRef}), so it is short printable ASCII that also reads well in a URL.
 */
public record OrderTicket(
        String clientOrderId,
        Contract contract,
        Side side,
        BigDecimal quantity,
        OrderType type,
        BigDecimal limitPrice,
        BigDecimal stopPrice,
        TimeInForce tif,
        String ocaGroup) {

    public static final Pattern CLIENT_ORDER_ID =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** An order in no OCA group. */
    public OrderTicket(
            String clientOrderId,
            Contract contract,
            Side side,
            BigDecimal quantity,
            OrderType type,
            BigDecimal limitPrice,
            BigDecimal stopPrice,
            TimeInForce tif) {
        this(clientOrderId, contract, side, quantity, type, limitPrice, stopPrice, tif, null);
    }

    public OrderTicket {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tif, "tif");
        if (clientOrderId == null || !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
            throw new IllegalArgumentException(
                    "A client order id is 1 to 64 letters, digits, '.', '_', ':' or '-',"
                            + " starting with a letter or digit, not '"
                            + clientOrderId
                            + "'");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("An order needs a quantity above zero");
        }
        if (type.needsLimit() != (limitPrice != null)) {
            throw new IllegalArgumentException(
                    type + (type.needsLimit() ? " needs" : " takes no") + " limit price");
        }
        if (type.needsStop() != (stopPrice != null)) {
            throw new IllegalArgumentException(
                    type + (type.needsStop() ? " needs" : " takes no") + " stop price");
        }
        if (ocaGroup != null && !CLIENT_ORDER_ID.matcher(ocaGroup).matches()) {
            throw new IllegalArgumentException(
                    "An OCA group is named like a client order id, not '" + ocaGroup + "'");
        }
        if (limitPrice != null && limitPrice.signum() <= 0
                || stopPrice != null && stopPrice.signum() <= 0) {
            throw new IllegalArgumentException("Prices must be above zero");
        }
    }

    public String symbol() {
        return contract.symbol();
    }

    public boolean buys() {
        return side == Side.BUY;
    }
}

package org.tickerdesk.ibkr.wire.messages.orders;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * An order TWS knows of ({@code openOrder}): the fields Tickerdesk needs to recognise and show it,
 * above all {@code orderRef} (our client order id). Prices are null where the order has none.
 */
public record OpenOrder(
        int orderId,
        int conId,
        String symbol,
        String secType,
        String exchange,
        String currency,
        String action,
        BigDecimal quantity,
        String orderType,
        BigDecimal limitPrice,
        BigDecimal auxPrice,
        String timeInForce,
        String account,
        String orderRef,
        int clientId,
        long permId,
        String status)
        implements IncomingMessage {

    public OpenOrder {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(status, "status");
    }
}

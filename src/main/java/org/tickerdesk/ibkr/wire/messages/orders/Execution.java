package org.tickerdesk.ibkr.wire.messages.orders;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * One fill ({@code execDetails}): which order and contract, how much at what price, when, and the
 * order's {@code orderRef}, i.e. Tickerdesk's client order id. {@code reqId} is -1 for fills not
 * asked for by {@code reqExecutions}.
 */
public record Execution(
        int reqId,
        int orderId,
        int conId,
        String symbol,
        String secType,
        String currency,
        String execId,
        String time,
        String account,
        String exchange,
        String side,
        BigDecimal shares,
        BigDecimal price,
        long permId,
        int clientId,
        BigDecimal cumQty,
        BigDecimal avgPrice,
        String orderRef)
        implements IncomingMessage {

    public Execution {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(orderRef, "orderRef");
    }
}

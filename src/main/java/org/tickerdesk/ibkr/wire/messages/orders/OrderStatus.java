package org.tickerdesk.ibkr.wire.messages.orders;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * The state of an order (Submitted, Filled, Cancelled…), with filled and remaining quantity and the
 * average fill price. {@code avgFillPrice} and {@code lastFillPrice} are null until there is a
 * fill.
 */
public record OrderStatus(
        int orderId,
        String status,
        BigDecimal filled,
        BigDecimal remaining,
        BigDecimal avgFillPrice,
        long permId,
        int parentId,
        BigDecimal lastFillPrice,
        int clientId,
        String whyHeld,
        BigDecimal marketCapPrice)
        implements IncomingMessage {

    public OrderStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filled, "filled");
        Objects.requireNonNull(remaining, "remaining");
    }
}

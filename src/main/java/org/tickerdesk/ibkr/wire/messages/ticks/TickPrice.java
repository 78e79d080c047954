package org.tickerdesk.ibkr.wire.messages.ticks;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * A price tick of one market-data subscription. IB sends -1 as the price when there is no quote
 * (e.g. no bid outside hours); {@link #noQuote()} says so. {@code size} is null when IB left it
 * unset.
 */
public record TickPrice(
        int reqId,
        int tickType,
        BigDecimal price,
        BigDecimal size,
        boolean canAutoExecute,
        boolean pastLimit,
        boolean preOpen)
        implements IncomingMessage {

    public TickPrice {
        Objects.requireNonNull(price, "price");
    }

    public boolean noQuote() {
        return price.compareTo(BigDecimal.ONE.negate()) == 0;
    }
}

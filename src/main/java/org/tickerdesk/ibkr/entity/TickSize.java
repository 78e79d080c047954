package org.tickerdesk.ibkr.entity;

import java.math.BigDecimal;
import java.util.Objects;

/** A size tick (bid size, ask size, last size, volume…) of one market-data subscription. */
public record TickSize(int reqId, int tickType, BigDecimal size) implements IncomingMessage {

    public TickSize {
        Objects.requireNonNull(size, "size");
    }
}

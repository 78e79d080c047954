package org.tickerdesk.ibkr.wire.messages.ticks;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * A size tick (bid size, ask size, last size, volume…) of one market-data subscription. {@code
 * size} is null when IB left it unset.
 */
public record TickSize(int reqId, int tickType, BigDecimal size) implements IncomingMessage {}

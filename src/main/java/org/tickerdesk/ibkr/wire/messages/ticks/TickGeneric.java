package org.tickerdesk.ibkr.wire.messages.ticks;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** A numeric tick that is neither price nor size (halted flag, shortable, volatility…). */
public record TickGeneric(int reqId, int tickType, BigDecimal value) implements IncomingMessage {

    public TickGeneric {
        Objects.requireNonNull(value, "value");
    }
}

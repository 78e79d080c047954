package org.tickerdesk.ibkr.wire.messages;

import java.math.BigDecimal;
import java.util.Objects;

/** A numeric tick that is neither price nor size (halted flag, shortable, volatility…). */
public record TickGeneric(int reqId, int tickType, BigDecimal value) implements IncomingMessage {

    public TickGeneric {
        Objects.requireNonNull(value, "value");
    }
}

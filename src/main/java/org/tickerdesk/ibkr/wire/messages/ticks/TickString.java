package org.tickerdesk.ibkr.wire.messages.ticks;

import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** A text tick; tick types 45 and 88 carry the time of the last trade in epoch seconds. */
public record TickString(int reqId, int tickType, String value) implements IncomingMessage {

    public static final int LAST_TIMESTAMP = 45;
    public static final int DELAYED_LAST_TIMESTAMP = 88;

    public TickString {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The last-trade time, or null when this is not a timestamp tick or the text is not a number.
     */
    public Instant lastTradeTime() {
        if (tickType != LAST_TIMESTAMP && tickType != DELAYED_LAST_TIMESTAMP) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

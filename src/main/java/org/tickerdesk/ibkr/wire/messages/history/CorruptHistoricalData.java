package org.tickerdesk.ibkr.wire.messages.history;

import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * A historicalData message for a known request that could not be read (an impossible bar, a number
 * that does not parse, fewer bars than announced). It ends that request with the reason, where
 * skipping the message would have passed an incomplete window off as a complete one.
 */
public record CorruptHistoricalData(int reqId, String reason) implements IncomingMessage {

    public CorruptHistoricalData {
        Objects.requireNonNull(reason, "reason");
    }
}

package org.tickerdesk.ibkr.wire.messages.history;

import java.util.List;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * The bars of one {@code historicalData} message; {@link HistoricalDataEnd} follows when the window
 * is complete.
 */
public record HistoricalBars(int reqId, List<HistoricalBar> bars) implements IncomingMessage {

    public HistoricalBars {
        bars = List.copyOf(bars);
    }
}

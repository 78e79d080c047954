package org.tickerdesk.ibkr.wire.messages.history;

import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** A historical request is complete: the window IB actually covered, as it spelled its ends. */
public record HistoricalDataEnd(int reqId, String start, String end) implements IncomingMessage {

    public HistoricalDataEnd {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}

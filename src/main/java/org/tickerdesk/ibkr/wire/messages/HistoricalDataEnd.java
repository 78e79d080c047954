package org.tickerdesk.ibkr.wire.messages;

import java.util.Objects;

/** A historical request is complete: the window IB actually covered, as it spelled its ends. */
public record HistoricalDataEnd(int reqId, String start, String end) implements IncomingMessage {

    public HistoricalDataEnd {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}

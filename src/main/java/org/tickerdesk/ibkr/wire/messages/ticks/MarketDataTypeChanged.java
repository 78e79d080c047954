package org.tickerdesk.ibkr.wire.messages.ticks;

import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** Which kind of data (live, frozen, delayed) a subscription now delivers. */
public record MarketDataTypeChanged(int reqId, MarketDataKind kind) implements IncomingMessage {

    public MarketDataTypeChanged {
        Objects.requireNonNull(kind, "kind");
    }
}

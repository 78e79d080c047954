package org.tickerdesk.ibkr.wire.messages.ticks;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** Sent once per subscription: the minimum tick, the BBO exchange and snapshot permissions. */
public record TickRequestParams(
        int reqId, BigDecimal minTick, String bboExchange, int snapshotPermissions)
        implements IncomingMessage {}

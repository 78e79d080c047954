package org.tickerdesk.ibkr.wire.messages;

import java.math.BigDecimal;

/** Sent once per subscription: the minimum tick, the BBO exchange and snapshot permissions. */
public record TickRequestParams(
        int reqId, BigDecimal minTick, String bboExchange, int snapshotPermissions)
        implements IncomingMessage {}

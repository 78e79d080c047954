package org.tickerdesk.ibkr.wire.messages.orders;

import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** All open orders answering {@code reqOpenOrders} have been sent. */
public record OpenOrderEnd() implements IncomingMessage {}

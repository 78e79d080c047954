package org.tickerdesk.ibkr.wire.messages;

/** All open orders answering {@code reqOpenOrders} have been sent. */
public record OpenOrderEnd() implements IncomingMessage {}

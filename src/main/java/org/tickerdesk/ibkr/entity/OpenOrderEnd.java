package org.tickerdesk.ibkr.entity;

/** All open orders answering {@code reqOpenOrders} have been sent. */
public record OpenOrderEnd() implements IncomingMessage {}

package org.tickerdesk.ibkr.entity;

/**
 * The next order id TWS will accept from this client; also the first sign the API session is up.
 */
public record NextValidId(int orderId) implements IncomingMessage {}

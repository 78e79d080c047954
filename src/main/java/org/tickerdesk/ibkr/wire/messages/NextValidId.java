package org.tickerdesk.ibkr.wire.messages;

/**
 * The next order id TWS will accept from this client; also the first sign the API session is up.
 */
public record NextValidId(int orderId) implements IncomingMessage {}

package org.tickerdesk.ibkr.wire.messages;

/**
 * All {@link ContractDetails} for a request have been sent (none, when the request matched
 * nothing).
 */
public record ContractDetailsEnd(int reqId) implements IncomingMessage {}

package org.tickerdesk.ibkr.entity;

/**
 * All {@link ContractDetails} for a request have been sent (none, when the request matched
 * nothing).
 */
public record ContractDetailsEnd(int reqId) implements IncomingMessage {}

package org.tickerdesk.ibkr.wire.messages;

/** All executions answering a {@code reqExecutions} have been sent. */
public record ExecutionEnd(int reqId) implements IncomingMessage {}

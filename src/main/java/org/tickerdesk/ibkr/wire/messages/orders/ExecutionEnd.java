package org.tickerdesk.ibkr.wire.messages.orders;

import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** All executions answering a {@code reqExecutions} have been sent. */
public record ExecutionEnd(int reqId) implements IncomingMessage {}

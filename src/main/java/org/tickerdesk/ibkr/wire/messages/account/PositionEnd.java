package org.tickerdesk.ibkr.wire.messages.account;

import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** Every position answering {@code reqPositions} has been sent; changes keep coming after it. */
public record PositionEnd() implements IncomingMessage {}

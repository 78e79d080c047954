package org.tickerdesk.ibkr.wire.messages;

import java.time.Instant;

/** The server's clock, in epoch seconds, answering {@code reqCurrentTime}. */
public record CurrentTime(Instant time) implements IncomingMessage {}

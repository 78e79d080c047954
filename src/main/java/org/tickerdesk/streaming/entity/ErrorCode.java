package org.tickerdesk.streaming.entity;

import java.util.Locale;

/**
 * The stable error codes of the {@code /ws/market} protocol. Clients branch on these, so a code
 * keeps its meaning once published; the accompanying message is for people.
 */
public enum ErrorCode {
    BAD_REQUEST,
    UNKNOWN_OP,
    UNKNOWN_STREAM,
    UNAUTHORIZED,
    TOO_MANY_STREAMS,
    RATE_LIMITED,
    FRAME_TOO_LARGE,
    TOO_MANY_CONNECTIONS,
    SLOW_CONSUMER;

    /** The code as it appears on the wire: {@code bad_request}, {@code slow_consumer}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

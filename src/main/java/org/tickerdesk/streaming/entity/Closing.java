package org.tickerdesk.streaming.entity;

/**
 * Why the server closes a client's WebSocket: the close code (RFC 6455, section 7.4.1) and the
 * reason phrase the client is told. A value of its own, so the fan-out decides to close without
 * knowing the WebSocket API.
 */
public record Closing(int code, String reason) {

    /** 1008, policy violation: the client fell too far behind. */
    public static final Closing SLOW_CONSUMER = new Closing(1008, "slow_consumer");

    /** 1008, policy violation: the client kept sending requests over its rate. */
    public static final Closing RATE_LIMITED = new Closing(1008, "rate_limited");

    /** 1008, policy violation: its address has as many connections open as it may. */
    public static final Closing TOO_MANY_CONNECTIONS = new Closing(1008, "too_many_connections");

    /** 1009, message too big: a request over the protocol's size, whose rest is not read. */
    public static final Closing FRAME_TOO_LARGE = new Closing(1009, "frame_too_large");

    /** 1011, unexpected condition: a send failed. */
    public static final Closing SEND_FAILED = new Closing(1011, "send failed");
}

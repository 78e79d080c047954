package org.tickerdesk.streaming.entity;

/**
 * Why the server closes a client's WebSocket: the close code (RFC 6455, section 7.4.1) and the
 * reason phrase the client is told. A value of its own, so the fan-out decides to close without
 * knowing the WebSocket API.
 */
public record Closing(int code, String reason) {

    /** 1008, policy violation: the client fell too far behind. */
    public static final Closing SLOW_CONSUMER = new Closing(1008, "slow_consumer");

    /** 1011, unexpected condition: a send failed. */
    public static final Closing SEND_FAILED = new Closing(1011, "send failed");
}

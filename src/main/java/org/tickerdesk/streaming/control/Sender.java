package org.tickerdesk.streaming.control;

import jakarta.websocket.CloseReason;
import java.util.function.Consumer;

/**
 * How a client's outbox reaches its socket. The boundary adapts a WebSocket session to it; tests
 * put a fake in its place to drive the fan-out without a container.
 */
public interface Sender {

    /**
     * Starts sending one text message and returns without waiting for the network.
     *
     * @param done called once when the message has gone, with {@code null}, or with why it could
     *     not be sent; it may be called on any thread, even before this method returns
     */
    void send(String text, Consumer<Throwable> done);

    /** Closes the connection, telling the client why. */
    void close(CloseReason reason);
}

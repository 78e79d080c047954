package org.tickerdesk.streaming.control;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.tickerdesk.streaming.entity.Closing;

/**
 * How a client's outbox reaches its socket: the two things it does to one, handed in by the
 * WebSocket boundary (tests hand in in-memory ones), so the fan-out runs without a container.
 */
public final class Sender {

    private final BiConsumer<String, Consumer<Throwable>> send;
    private final Consumer<Closing> close;

    /**
     * @param send starts sending one text message and returns without waiting for the network; its
     *     second argument is called once when the message has gone, with {@code null}, or with why
     *     it could not be sent, on any thread, even before {@code send} returns
     * @param close closes the connection, telling the client why
     */
    public Sender(BiConsumer<String, Consumer<Throwable>> send, Consumer<Closing> close) {
        this.send = Objects.requireNonNull(send, "send");
        this.close = Objects.requireNonNull(close, "close");
    }

    void send(String text, Consumer<Throwable> done) {
        send.accept(text, done);
    }

    void close(Closing reason) {
        close.accept(reason);
    }
}

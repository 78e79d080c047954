package org.tickerdesk.streaming.control;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.tickerdesk.streaming.entity.Closing;

/**
 * How a client's outbox reaches its socket: the two things it does to one, handed in by the
 * WebSocket boundary (tests hand in in-memory ones), so the fan-out runs without a container.
 *
 * <p>The outbox hands over what waits in batches, so that a socket that can write several messages
 * at once (one system call, one flush) is given the chance; one that cannot sends them one by one.
 */
public final class Sender {

    private final BiConsumer<List<String>, Consumer<Throwable>> sendAll;
    private final Consumer<Closing> close;

    /**
     * A socket that sends one message at a time; a batch is sent message by message, each after the
     * one before has gone.
     *
     * @param send starts sending one text message and returns without waiting for the network; its
     *     second argument is called once when the message has gone, with {@code null}, or with why
     *     it could not be sent, on any thread, even before {@code send} returns
     * @param close closes the connection, telling the client why
     */
    public Sender(BiConsumer<String, Consumer<Throwable>> send, Consumer<Closing> close) {
        this(close, oneByOne(Objects.requireNonNull(send, "send")));
    }

    private Sender(Consumer<Closing> close, BiConsumer<List<String>, Consumer<Throwable>> sendAll) {
        this.sendAll = Objects.requireNonNull(sendAll, "sendAll");
        this.close = Objects.requireNonNull(close, "close");
    }

    /**
     * A socket that takes a batch of messages in one write.
     *
     * @param sendAll starts sending the messages, in order, each as one WebSocket message, and
     *     returns without waiting for the network; its second argument is called once when all of
     *     them have gone, with {@code null}, or with why they could not, on any thread, even before
     *     {@code sendAll} returns
     */
    public static Sender batching(
            BiConsumer<List<String>, Consumer<Throwable>> sendAll, Consumer<Closing> close) {
        return new Sender(close, sendAll);
    }

    void send(List<String> texts, Consumer<Throwable> done) {
        sendAll.accept(texts, done);
    }

    void close(Closing reason) {
        close.accept(reason);
    }

    private static BiConsumer<List<String>, Consumer<Throwable>> oneByOne(
            BiConsumer<String, Consumer<Throwable>> send) {
        return (texts, done) -> new Chain(send, texts, done).next(null);
    }

    /**
     * Sends the messages of one batch in turn. A send that completes inside {@code send} returns to
     * the loop rather than recursing, so a long batch over an eager socket needs no deep stack.
     */
    private static final class Chain {

        private final BiConsumer<String, Consumer<Throwable>> send;
        private final List<String> texts;
        private final Consumer<Throwable> done;
        private int next;
        private boolean inSend;
        private boolean completedInSend;

        Chain(
                BiConsumer<String, Consumer<Throwable>> send,
                List<String> texts,
                Consumer<Throwable> done) {
            this.send = send;
            this.texts = texts;
            this.done = done;
        }

        void next(Throwable failure) {
            if (failure != null) {
                done.accept(failure);
                return;
            }
            synchronized (this) {
                if (inSend) {
                    completedInSend = true;
                    return;
                }
            }
            while (true) {
                String text;
                synchronized (this) {
                    if (next == texts.size()) {
                        break;
                    }
                    text = texts.get(next++);
                    inSend = true;
                    completedInSend = false;
                }
                try {
                    send.accept(text, this::next);
                } catch (RuntimeException e) {
                    synchronized (this) {
                        inSend = false;
                    }
                    done.accept(e);
                    return;
                }
                synchronized (this) {
                    inSend = false;
                    if (!completedInSend) {
                        return;
                    }
                }
            }
            done.accept(null);
        }
    }
}

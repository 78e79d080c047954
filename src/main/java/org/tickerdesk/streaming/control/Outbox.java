package org.tickerdesk.streaming.control;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.tickerdesk.streaming.entity.Closing;

/**
 * The messages waiting for one client. At most one send is in flight; the next starts when it
 * completes. Offering only queues: the sending runs on the writer threads, so the tick thread that
 * offers a quote never pays for a socket write, however slow the client. A client that falls too
 * far behind has what is waiting dropped, is sent a single {@code slow_consumer} error and is then
 * closed.
 */
final class Outbox {

    /** How far a client may fall behind, in messages and in characters waiting. */
    record Limits(int maxMessages, long maxChars) {
        static final Limits DEFAULT = new Limits(10_000, 4_000_000);
    }

    static final Closing SLOW_CONSUMER = Closing.SLOW_CONSUMER;
    static final Closing SEND_FAILED = Closing.SEND_FAILED;

    private final Sender sender;
    private final Limits limits;
    private final String slowConsumerError;
    private final Runnable onClosed;
    private final Executor writer;

    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private long pendingChars;
    private boolean inFlight;

    /** A drain is queued on the writer and has not started yet. */
    private boolean scheduled;

    private boolean overflowed;
    private boolean closed;

    /**
     * The thread inside {@link Sender#send}: a completion on that thread must not recurse into the
     * next send.
     */
    private Thread sending;

    /**
     * @param writer runs the sending; {@code Runnable::run} sends on the offering thread, as the
     *     protocol tests want
     */
    Outbox(
            Sender sender,
            Limits limits,
            String slowConsumerError,
            Runnable onClosed,
            Executor writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.slowConsumerError = Objects.requireNonNull(slowConsumerError, "slowConsumerError");
        this.onClosed = Objects.requireNonNull(onClosed, "onClosed");
    }

    /** Queues a message and starts sending it if nothing is in flight; returns at once. */
    void offer(String text) {
        synchronized (this) {
            if (closed || overflowed) {
                return;
            }
            if (pending.size() >= limits.maxMessages()
                    || pendingChars + text.length() > limits.maxChars()) {
                pending.clear();
                pendingChars = 0;
                overflowed = true;
                text = slowConsumerError;
            }
            pending.add(text);
            pendingChars += text.length();
        }
        schedule();
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Closes the connection (if {@code reason} is given) and drops what is waiting; idempotent. */
    void close(Closing reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending.clear();
            pendingChars = 0;
        }
        try {
            if (reason != null) {
                sender.close(reason);
            }
        } finally {
            onClosed.run();
        }
    }

    private void schedule() {
        synchronized (this) {
            if (inFlight || scheduled || closed) {
                return;
            }
            scheduled = true;
        }
        writer.execute(
                () -> {
                    synchronized (this) {
                        scheduled = false;
                    }
                    pump();
                });
    }

    private void pump() {
        Thread self = Thread.currentThread();
        while (true) {
            String next;
            synchronized (this) {
                if (inFlight || closed) {
                    return;
                }
                next = pending.poll();
                if (next == null && !overflowed) {
                    return;
                }
                if (next != null) {
                    pendingChars -= next.length();
                    inFlight = true;
                    sending = self;
                }
            }
            if (next == null) {
                close(SLOW_CONSUMER);
                return;
            }
            try {
                sender.send(next, this::sent);
            } catch (RuntimeException e) {
                sent(e);
            }
            synchronized (this) {
                if (sending == self) {
                    sending = null;
                }
            }
        }
    }

    private void sent(Throwable failure) {
        boolean reentrant;
        synchronized (this) {
            inFlight = false;
            reentrant = sending == Thread.currentThread();
        }
        if (failure != null) {
            close(SEND_FAILED);
        } else if (!reentrant) {
            schedule();
        }
    }
}

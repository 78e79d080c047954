package org.tickerdesk.streaming.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.tickerdesk.streaming.entity.Closing;

/**
 * The messages waiting for one client. At most one batch of them is in flight; the next starts when
 * it completes. Offering only queues: the sending runs on the writer threads, so the tick thread
 * that offers a quote never pays for a socket write, however slow the client. A client that falls
 * too far behind (too many messages or characters waiting, or the oldest of them waiting too long)
 * has what is waiting dropped, is sent a single {@code slow_consumer} error and is then closed. Age
 * is checked on every offer and by {@link #expire}, which the hub calls every second, so a client
 * that stopped reading while nothing new came is closed too; if even the error cannot go out
 * because the send before it never completes, the connection is closed without it.
 */
final class Outbox {

    /** How far a client may fall behind: messages and characters waiting, and their age. */
    record Limits(int maxMessages, long maxChars, long maxAgeMillis) {
        static final Limits DEFAULT = new Limits(10_000, 4_000_000, 5_000);

        Limits {
            if (maxMessages < 1 || maxChars < 1 || maxAgeMillis < 1) {
                throw new IllegalArgumentException(
                        "An outbox holds at least one message of one character for a millisecond");
            }
        }
    }

    static final Closing SLOW_CONSUMER = Closing.SLOW_CONSUMER;

    /** Messages one drain sends, as one batch, before it lets the writer serve another client. */
    static final int TURN = 64;

    /** Characters one batch holds at most, unless its first message alone is longer. */
    static final int TURN_CHARS = 64 * 1024;

    static final Closing SEND_FAILED = Closing.SEND_FAILED;

    private final Sender sender;
    private final Limits limits;
    private final String slowConsumerError;
    private final Runnable onClosed;
    private final Executor writer;

    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private final Stamps stamps = new Stamps();
    private final LongSupplier nanoClock;
    private long pendingChars;

    /** When the send in flight started, for the age of a client that takes nothing at all. */
    private long inFlightSince;

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
        this(sender, limits, slowConsumerError, onClosed, writer, System::nanoTime);
    }

    Outbox(
            Sender sender,
            Limits limits,
            String slowConsumerError,
            Runnable onClosed,
            Executor writer,
            LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.slowConsumerError = Objects.requireNonNull(slowConsumerError, "slowConsumerError");
        this.onClosed = Objects.requireNonNull(onClosed, "onClosed");
    }

    /** Queues a message and starts sending it if nothing is in flight; returns at once. */
    void offer(String text) {
        long now = nanoClock.getAsLong();
        synchronized (this) {
            if (closed || overflowed) {
                return;
            }
            if (pending.size() >= limits.maxMessages()
                    || pendingChars + text.length() > limits.maxChars()
                    || tooOld(now)) {
                overflow();
            } else {
                pending.add(text);
                stamps.add(now);
                pendingChars += text.length();
            }
        }
        schedule();
    }

    /**
     * Gives up on a client whose oldest message has waited longer than the limit: it is sent the
     * {@code slow_consumer} error, or closed at once if its socket has not taken the message before
     * that error within the limit either. Called every second for every client.
     */
    void expire() {
        long now = nanoClock.getAsLong();
        boolean stuck;
        synchronized (this) {
            if (closed || !tooOld(now)) {
                return;
            }
            stuck = inFlight && now - inFlightSince > limits.maxAgeMillis() * 1_000_000 * 2;
            if (!overflowed) {
                overflow();
            }
        }
        if (stuck) {
            close(SLOW_CONSUMER);
        } else {
            schedule();
        }
    }

    /** Must hold the lock. */
    private boolean tooOld(long now) {
        long maxAge = limits.maxAgeMillis() * 1_000_000;
        return (!stamps.isEmpty() && now - stamps.oldest() > maxAge)
                || (inFlight && now - inFlightSince > maxAge);
    }

    /** Must hold the lock: drops what waits and queues the one error in its place. */
    private void overflow() {
        pending.clear();
        stamps.clear();
        pending.add(slowConsumerError);
        stamps.add(nanoClock.getAsLong());
        pendingChars = slowConsumerError.length();
        overflowed = true;
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
            stamps.clear();
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

    /**
     * Sends what waits as one batch of at most {@value #TURN} messages and {@value #TURN_CHARS}
     * characters, one write where the socket can, then gives the writer thread to the other
     * clients' drains: one client with a long queue (one that just stopped reading, whose socket
     * still takes a few hundred kilobytes) must not hold a writer while the queue of a reading
     * client grows old behind it.
     */
    private void pump() {
        Thread self = Thread.currentThread();
        List<String> batch;
        synchronized (this) {
            if (inFlight || closed) {
                return;
            }
            batch = takeTurn();
            if (batch.isEmpty() && !overflowed) {
                return;
            }
            if (!batch.isEmpty()) {
                inFlight = true;
                inFlightSince = nanoClock.getAsLong();
                sending = self;
            }
        }
        if (batch.isEmpty()) {
            close(SLOW_CONSUMER);
            return;
        }
        try {
            sender.send(batch, this::sent);
        } catch (RuntimeException e) {
            sent(e);
        }
        boolean more;
        synchronized (this) {
            if (sending == self) {
                sending = null;
            }
            more = !inFlight && !closed && (!pending.isEmpty() || overflowed);
        }
        if (more) {
            schedule();
        }
    }

    /** Must hold the lock: the messages of the next batch, taken from the queue. */
    private List<String> takeTurn() {
        List<String> batch = new ArrayList<>(Math.min(TURN, pending.size()));
        long chars = 0;
        while (batch.size() < TURN && !pending.isEmpty()) {
            String next = pending.peek();
            if (!batch.isEmpty() && chars + next.length() > TURN_CHARS) {
                break;
            }
            pending.poll();
            stamps.removeOldest();
            pendingChars -= next.length();
            chars += next.length();
            batch.add(next);
        }
        return batch;
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

    /** The offer times of the waiting messages, oldest first, in a ring that grows as needed. */
    private static final class Stamps {

        private long[] ring = new long[16];
        private int head;
        private int size;

        void add(long stamp) {
            if (size == ring.length) {
                long[] grown = new long[ring.length * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = ring[(head + i) % ring.length];
                }
                ring = grown;
                head = 0;
            }
            ring[(head + size) % ring.length] = stamp;
            size++;
        }

        long oldest() {
            return ring[head];
        }

        void removeOldest() {
            head = (head + 1) % ring.length;
            size--;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            head = 0;
            size = 0;
        }
    }
}

package org.tickerdesk.streaming.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.tickerdesk.streaming.entity.Closing;
import org.tickerdesk.streaming.entity.ErrorCode;

/**
 * One WebSocket client as the fan-out sees it: who it is, if its handshake said so, where it
 * connected from, the streams it subscribed to, as it named them, its {@link Outbox}, how fast it
 * may send requests and the request it is receiving. Everything the client is sent, replies and
 * data alike, goes through the outbox, so it arrives in the order it was offered.
 */
public final class ClientConnection {

    private final String principal;
    private final String address;
    private final Sender sender;
    private final Outbox outbox;
    private final RequestThrottle throttle;
    private final RequestAssembly assembly = new RequestAssembly();
    private final Set<String> streams = ConcurrentHashMap.newKeySet();

    /** The message after which the connection is closed, and why, once that is decided. */
    private final AtomicReference<LastWords> lastWords = new AtomicReference<>();

    /**
     * @param awaitsEndOfMessage close only once the client has also finished sending the message
     *     being refused (or after {@link #LINGER_NANOS}): closing while it still sends makes the
     *     socket reset, and the client would lose the error it was sent
     */
    private record LastWords(String message, Closing reason, boolean awaitsEndOfMessage) {}

    static final long LINGER_NANOS = 2_000_000_000L;

    private boolean wordsSent;
    private long wordsSentAt;
    private boolean messageEnded;

    /**
     * @param principal the caller the handshake authenticated, {@code null} for an anonymous one
     * @param address the client's remote address, {@code null} if unknown
     */
    ClientConnection(
            String principal,
            String address,
            Sender sender,
            Outbox.Limits limits,
            RequestThrottle throttle,
            Consumer<ClientConnection> onClosed,
            Executor writer) {
        String slowConsumer =
                Replies.error(
                        null,
                        ErrorCode.SLOW_CONSUMER,
                        "This connection fell too far behind"
                                + " (more than "
                                + limits.maxMessages()
                                + " messages or "
                                + limits.maxChars()
                                + " characters waiting, or the oldest waiting more than "
                                + limits.maxAgeMillis()
                                + " ms); what was waiting is dropped and the"
                                + " connection is closed. Reconnect and subscribe with"
                                + " snapshot:true to catch up.");
        this.principal = principal;
        this.address = address;
        this.sender = sender;
        this.throttle = throttle;
        this.outbox =
                new Outbox(
                        Sender.batching(this::sendThenMaybeClose, sender::close),
                        limits,
                        slowConsumer,
                        () -> onClosed.accept(this),
                        writer);
    }

    /**
     * The outbox sends one batch at a time, in order: once the last message has gone, nothing
     * queued after it is sent, and the socket closes with the reason the client was told.
     */
    private void sendThenMaybeClose(List<String> texts, Consumer<Throwable> done) {
        LastWords last = lastWords.get();
        int end = last == null ? -1 : indexOf(texts, last.message());
        List<String> batch = end < 0 ? texts : texts.subList(0, end + 1);
        sender.send(
                batch,
                failure -> {
                    if (failure == null && end >= 0) {
                        wordsSent(last);
                    }
                    done.accept(failure);
                });
    }

    /** The same message, not an equal one: another client's error may read the same. */
    private static int indexOf(List<String> texts, String message) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == message) {
                return i;
            }
        }
        return -1;
    }

    /** The caller the handshake authenticated (a signed-in user, a token's caller), if any. */
    public Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    /** Whether the client may have private streams: decided once, at the handshake. */
    boolean isAuthenticated() {
        return principal != null;
    }

    /** Queues a message for this client; returns at once. */
    void send(String text) {
        outbox.offer(text);
    }

    /**
     * Closes the connection if what waits for it has waited too long (see {@link Outbox}), or if it
     * was told why it is closed and has kept sending the refused message for too long.
     */
    void expire() {
        outbox.expire();
        LastWords last = lastWords.get();
        boolean lingered;
        synchronized (this) {
            lingered = wordsSent && System.nanoTime() - wordsSentAt > LINGER_NANOS;
        }
        if (lingered) {
            outbox.close(last.reason());
        }
    }

    private void wordsSent(LastWords last) {
        boolean now;
        synchronized (this) {
            wordsSent = true;
            wordsSentAt = System.nanoTime();
            now = !last.awaitsEndOfMessage() || messageEnded;
        }
        if (now) {
            outbox.close(last.reason());
        }
    }

    /** The last part of a message arrived after the connection was told it is closed. */
    void endOfMessage() {
        LastWords last = lastWords.get();
        boolean now;
        synchronized (this) {
            messageEnded = true;
            now = wordsSent;
        }
        if (now && last != null) {
            outbox.close(last.reason());
        }
    }

    public boolean isOpen() {
        return !outbox.isClosed();
    }

    /**
     * Sends one last message, then closes the connection with the reason; from now on none of its
     * requests is served. Only the first call counts.
     */
    void closeAfter(String message, Closing reason) {
        if (lastWords.compareAndSet(null, new LastWords(message, reason, false))) {
            outbox.offer(message);
        }
    }

    /**
     * As {@link #closeAfter}, for a message refused while the client is still sending it: the
     * connection closes once the message's last part has arrived as well ({@link #endOfMessage}),
     * or {@link #LINGER_NANOS} after the words went, whichever comes first.
     *
     * @param ended whether the part that broke the limit was the message's last
     */
    void closeAfterMessage(String message, Closing reason, boolean ended) {
        if (lastWords.compareAndSet(null, new LastWords(message, reason, true))) {
            if (ended) {
                synchronized (this) {
                    messageEnded = true;
                }
            }
            outbox.offer(message);
        }
    }

    /** Whether its requests are still served: open, and not told it is being closed. */
    boolean isServed() {
        return lastWords.get() == null && isOpen();
    }

    /** The remote address the client connected from, {@code null} if unknown. */
    String address() {
        return address;
    }

    RequestThrottle.Admission admitRequest() {
        return throttle.admit();
    }

    /** See {@link RequestAssembly#add}. */
    Optional<String> assemble(String part, boolean last) {
        return assembly.add(part, last);
    }

    /** Stops sending; closes the socket too when a reason is given. Idempotent. */
    void close(Closing reason) {
        outbox.close(reason);
    }

    boolean isSubscribed(String stream) {
        return streams.contains(stream);
    }

    int subscriptionCount() {
        return streams.size();
    }

    /** The streams subscribed to, sorted. */
    List<String> subscriptions() {
        return streams.stream().sorted().toList();
    }

    void add(String stream) {
        streams.add(stream);
    }

    /**
     * @return whether the stream was subscribed
     */
    boolean remove(String stream) {
        return streams.remove(stream);
    }
}

package org.tickerdesk.streaming.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.tickerdesk.streaming.entity.Closing;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.StreamName;

/**
 * One WebSocket client as the fan-out sees it: who it is, if its handshake said so, the streams it
 * subscribed to, as it named them, and its {@link Outbox}. Everything the client is sent, replies
 * and data alike, goes through the outbox, so it arrives in the order it was offered.
 */
public final class ClientConnection {

    private final String principal;
    private final Outbox outbox;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();

    /**
     * @param principal the caller the handshake authenticated, {@code null} for an anonymous one
     */
    ClientConnection(
            String principal,
            Sender sender,
            Outbox.Limits limits,
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
                                + " characters waiting); what was waiting is dropped and the"
                                + " connection is closed. Reconnect and subscribe with"
                                + " snapshot:true to catch up.");
        this.principal = principal;
        this.outbox = new Outbox(sender, limits, slowConsumer, () -> onClosed.accept(this), writer);
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

    public boolean isOpen() {
        return !outbox.isClosed();
    }

    /** Stops sending; closes the socket too when a reason is given. Idempotent. */
    void close(Closing reason) {
        outbox.close(reason);
    }

    boolean isSubscribed(String stream) {
        return streams.contains(stream);
    }

    /** Whether any subscription of this client covers the symbol's quote stream. */
    boolean wantsQuotes(String symbol) {
        return streams.contains(StreamName.quotes(StreamName.EVERY_SYMBOL))
                || streams.contains(StreamName.quotes(symbol));
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

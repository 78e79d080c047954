package org.tickerdesk.streaming.control;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.streaming.entity.StreamName;

/**
 * The quote stream of one symbol: its offsets, its latest quote and the clients it goes to.
 * Publishing and joining hold this stream's lock, so a snapshot is always queued in order with the
 * stream's data messages: a client sees a snapshot and then only data with higher offsets. The lock
 * is per symbol; ticks of different symbols never wait for each other.
 */
final class QuoteStream {

    private final String name;
    private final String epoch;
    private final Set<ClientConnection> subscribers;
    private long offset;
    private Quote latest;

    QuoteStream(String symbol, String epoch, Collection<ClientConnection> subscribers) {
        this.name = StreamName.quotes(symbol);
        this.epoch = epoch;
        this.subscribers = new CopyOnWriteArraySet<>(subscribers);
    }

    String name() {
        return name;
    }

    /** Numbers the quote, writes its message once and offers that same text to every subscriber. */
    synchronized void publish(Quote quote) {
        offset++;
        latest = quote;
        if (subscribers.isEmpty()) {
            return;
        }
        String message = QuoteFrames.write(QuoteFrames.QUOTE, name, quote, epoch, offset);
        for (ClientConnection client : subscribers) {
            client.send(message);
        }
    }

    synchronized boolean hasLatest() {
        return latest != null;
    }

    /**
     * Adds a subscriber and, if asked, queues it a snapshot: the latest quote published here or, if
     * none was, the {@code stored} one. A snapshot carries the offset of the last data message, 0
     * if there was none.
     */
    synchronized void join(ClientConnection client, boolean snapshot, Quote stored) {
        subscribers.add(client);
        Quote value = latest != null ? latest : stored;
        if (snapshot && value != null) {
            client.send(QuoteFrames.write(QuoteFrames.SNAPSHOT, name, value, epoch, offset));
        }
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    /** Drops the latest quote, so that it is no longer a snapshot; offsets carry on. */
    synchronized void forget() {
        latest = null;
    }
}

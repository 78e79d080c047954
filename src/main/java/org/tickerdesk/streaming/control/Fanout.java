package org.tickerdesk.streaming.control;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.entity.DemandChanged;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.streaming.entity.StreamKind;
import org.tickerdesk.streaming.entity.StreamName;

/**
 * Routes quotes and collection changes to the clients that subscribed to them. Each symbol's {@link
 * QuoteStream} knows its subscribers, so a tick costs work only for the clients that want it; a
 * {@code quotes:*} client is a subscriber of every symbol's stream, including those that appear
 * later. Every quote subscription is also a hold on {@link MarketDemand}, so a demand-driven source
 * streams what clients want and nothing else. The {@code jobs} stream is one {@link JobsStream}.
 */
final class Fanout {

    private final String epoch;
    private final Function<String, Optional<Quote>> storedQuote;
    private final MarketDemand demand;
    private final JobsStream jobs;
    private final ConcurrentMap<String, QuoteStream> quotes = new ConcurrentHashMap<>();
    private final Set<ClientConnection> everySymbol = new CopyOnWriteArraySet<>();

    /**
     * Held while a stream is created or {@code quotes:*} changes, so no new stream misses a
     * wildcard client.
     */
    private final Object wildcardLock = new Object();

    /**
     * @param storedQuote the latest stored quote of a symbol, for the snapshot of a stream that has
     *     not ticked in this server run yet
     */
    Fanout(
            String epoch,
            Function<String, Optional<Quote>> storedQuote,
            MarketDemand demand,
            JobsStream jobs) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.storedQuote = Objects.requireNonNull(storedQuote, "storedQuote");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    void publish(Quote quote) {
        stream(quote.symbol()).publish(quote);
    }

    void publish(JobSnapshot job) {
        jobs.publish(job);
    }

    /** Adds a subscription; the client already lists it among its streams. */
    void subscribe(ClientConnection client, StreamName name, boolean snapshot) {
        if (name.kind() == StreamKind.JOBS) {
            jobs.join(client, snapshot);
            return;
        }
        demand.hold(client, name.everySymbol() ? DemandChanged.EVERY_SYMBOL : name.symbol());
        if (name.everySymbol()) {
            synchronized (wildcardLock) {
                everySymbol.add(client);
                for (QuoteStream stream : quotes.values()) {
                    stream.join(client, snapshot, null);
                }
            }
            return;
        }
        QuoteStream stream = stream(name.symbol());
        Quote stored =
                snapshot && !stream.hasLatest()
                        ? storedQuote.apply(name.symbol()).orElse(null)
                        : null;
        stream.join(client, snapshot, stored);
    }

    /** Removes a subscription; the client no longer lists it among its streams. */
    void unsubscribe(ClientConnection client, StreamName name) {
        if (name.kind() == StreamKind.JOBS) {
            jobs.leave(client);
            return;
        }
        demand.release(client, name.everySymbol() ? DemandChanged.EVERY_SYMBOL : name.symbol());
        if (name.everySymbol()) {
            synchronized (wildcardLock) {
                everySymbol.remove(client);
                for (QuoteStream stream : quotes.values()) {
                    if (!client.isSubscribed(stream.name())) {
                        stream.leave(client);
                    }
                }
            }
        } else if (!client.wantsQuotes(name.symbol())) {
            QuoteStream stream = quotes.get(name.symbol());
            if (stream != null) {
                stream.leave(client);
            }
        }
    }

    /** Forgets a client that has gone. */
    void remove(ClientConnection client) {
        demand.releaseAll(client);
        everySymbol.remove(client);
        quotes.values().forEach(stream -> stream.leave(client));
        jobs.leave(client);
    }

    /** A symbol left the watchlist: its last quote is no longer offered as a snapshot. */
    void forget(String symbol) {
        QuoteStream stream = quotes.get(symbol);
        if (stream != null) {
            stream.forget();
        }
    }

    private QuoteStream stream(String symbol) {
        QuoteStream stream = quotes.get(symbol);
        if (stream != null) {
            return stream;
        }
        synchronized (wildcardLock) {
            return quotes.computeIfAbsent(symbol, s -> new QuoteStream(s, epoch, everySymbol));
        }
    }
}

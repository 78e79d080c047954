package org.tickerdesk.streaming.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.WatchlistChanged;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The streaming component's entry point: the WebSocket boundary connects clients and hands it their
 * frames; the feed's {@link Quote} events arrive here and go out through the {@link Fanout}.
 * Observing a quote only numbers it, writes its message once and queues it for the clients that
 * want it.
 */
@ApplicationScoped
public class StreamHub {

    static final int MAX_STREAMS = 200;
    static final int WRITERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    @Inject QuoteStore quoteStore;

    @Inject InstrumentCatalog catalog;

    @Inject MarketDemand demand;

    @Resource ManagedThreadFactory threads;

    private final Set<ClientConnection> clients = ConcurrentHashMap.newKeySet();
    private Outbox.Limits limits;
    private Executor writer;
    private ExecutorService writers;
    private Fanout fanout;
    private Protocol protocol;

    /** For CDI; {@link #start()} wires it. */
    protected StreamHub() {}

    /** Wired by hand, for tests. */
    StreamHub(
            Predicate<String> watched,
            Function<String, Optional<Quote>> storedQuote,
            MarketDemand demand,
            String epoch,
            Clock clock,
            Outbox.Limits limits,
            int maxStreams) {
        writer = Runnable::run;
        wire(watched, storedQuote, demand, epoch, clock, limits, maxStreams);
    }

    /**
     * Socket writes run on a few writer threads of their own, never on the thread that delivers
     * ticks: a slow client costs the writers time, and the feed none.
     */
    @PostConstruct
    void start() {
        writers = Executors.newFixedThreadPool(WRITERS, threads);
        writer = writers;
        wire(
                catalog::isWatched,
                quoteStore::latest,
                demand,
                newEpoch(),
                Clock.systemUTC(),
                Outbox.Limits.DEFAULT,
                MAX_STREAMS);
    }

    private void wire(
            Predicate<String> watched,
            Function<String, Optional<Quote>> storedQuote,
            MarketDemand demand,
            String epoch,
            Clock clock,
            Outbox.Limits limits,
            int maxStreams) {
        this.limits = limits;
        this.fanout = new Fanout(epoch, storedQuote, demand);
        this.protocol = new Protocol(fanout, watched, maxStreams, clock);
    }

    /** This server run's epoch: offsets are only comparable within one. */
    static String newEpoch() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    public ClientConnection connect(Sender sender) {
        ClientConnection client = new ClientConnection(sender, limits, this::forget, writer);
        clients.add(client);
        return client;
    }

    public void receive(ClientConnection client, String text) {
        protocol.receive(client, text);
        if (!client.isOpen()) {
            // a failed send can close it while a subscribe is still registering streams for it
            forget(client);
        }
    }

    public void receiveBinary(ClientConnection client) {
        protocol.receiveBinary(client);
    }

    /** The client's socket is gone: stop sending to it and forget its subscriptions. */
    public void disconnect(ClientConnection client) {
        client.close(null);
    }

    public int connectedClients() {
        return clients.size();
    }

    void onQuote(@Observes Quote quote) {
        fanout.publish(quote);
    }

    void onWatchlistChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) WatchlistChanged change) {
        if (!change.watched()) {
            fanout.forget(change.contract().symbol());
        }
    }

    private void forget(ClientConnection client) {
        clients.remove(client);
        fanout.remove(client);
    }
}

package org.tickerdesk.marketdata.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.LeaderToken;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.WatchlistChanged;
import org.tickerdesk.marketdata.entity.DemandChanged;
import org.tickerdesk.marketdata.entity.FeedStatusChanged;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;

/**
 * Runs the configured market-data source ({@link MarketDataSources} chooses it) over the watchlist
 * and passes every quote to the quote store and on as a CDI event (for the WebSocket fan-out and
 * whatever else listens). A free source (simulated) streams every watched symbol; a demand-driven
 * one (IBKR, whose lines are limited) streams a watched symbol only while {@link MarketDemand} says
 * something needs it, and {@link #releaseIdle} lets go of those idle long enough. It keeps the
 * source's latest status for the dashboard and readiness. In a cluster every tick is also fired as
 * a {@link NumberedQuote}, with the numbers the leader gave it, so that every member numbers its
 * quote streams alike.
 */
@Startup
@Singleton
@DependsOn("DefaultWatchlist")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FeedSupervisor {

    private static final Logger LOG = Logger.getLogger(FeedSupervisor.class.getName());

    @Inject InstrumentCatalog catalog;

    @Inject MarketDemand demand;

    /** The configured one, chosen by {@link MarketDataSources}. */
    @Inject MarketDataSource source;

    @Inject QuoteStore store;

    @Inject TickMeter meter;

    @Inject Event<Quote> quotes;

    /** Fired in a cluster only, after the tick's {@link Quote} event. */
    @Inject Event<NumberedQuote> numberedQuotes;

    @Inject Event<FeedStatusChanged> statusChanged;

    @Inject TickRelay relay;

    @Inject Leadership leadership;

    private final Set<String> upstream = ConcurrentHashMap.newKeySet();
    private final TickNumbers numbers = new TickNumbers();
    private volatile SourceStatus status;

    @PostConstruct
    void start() {
        status =
                new SourceStatus(
                        source.name(), SourceStatus.State.STARTING, "starting", Instant.now());
        source.start(
                new MarketDataSink() {
                    @Override
                    public void onQuote(Quote quote) {
                        accept(quote);
                    }

                    @Override
                    public void onStatus(SourceStatus newStatus) {
                        LOG.info(
                                () ->
                                        "Market data source "
                                                + newStatus.source()
                                                + ": "
                                                + newStatus.state()
                                                + " ("
                                                + newStatus.detail()
                                                + ")");
                        SourceStatus before = status;
                        status = newStatus;
                        if (before == null || before.state() != newStatus.state()) {
                            statusChanged.fire(new FeedStatusChanged(newStatus));
                        }
                    }
                });
        catalog.watchlist().stream().filter(c -> wanted(c.symbol())).forEach(this::subscribe);
        if (relay.active()) {
            relay.listen(this::relayed);
        }
    }

    @PreDestroy
    void stop() {
        source.close();
    }

    /*
     * follow, demanded and releaseIdle decide on one symbol from what they read (the watchlist,
     * the demand, upstream) and then act on it, on different threads: a transaction's, a client's
     * and the cleanup's. Serialised, a client that needs a symbol just as the cleanup found it idle
     * gets it subscribed again instead of losing it; the tick path takes no lock.
     */
    public synchronized void follow(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) WatchlistChanged change) {
        String symbol = change.contract().symbol();
        if (!change.watched()) {
            unsubscribe(symbol);
            store.remove(symbol);
        } else if (wanted(symbol)) {
            subscribe(change.contract());
        }
    }

    /** A symbol (or every symbol) became needed: a demand-driven source starts streaming it now. */
    public synchronized void demanded(@Observes DemandChanged change) {
        if (!change.needed() || !source.subscribesOnDemand() || relay.active()) {
            return;
        }
        if (change.everySymbol()) {
            catalog.watchlist().forEach(this::subscribe);
        } else if (!upstream.contains(change.symbol())) {
            catalog.watchlist().stream()
                    .filter(c -> c.symbol().equals(change.symbol()))
                    .findFirst()
                    .ifPresent(this::subscribe);
        }
    }

    /**
     * Streams what the watchlist holds now and stops what it no longer holds: in a cluster, when
     * this member takes the lead or hears of a change made on another member, since those changes
     * are announced only on the member that made them.
     */
    public synchronized void resync() {
        Set<String> watched = new HashSet<>();
        for (Contract contract : catalog.watchlist()) {
            watched.add(contract.symbol());
            if (!upstream.contains(contract.symbol()) && wanted(contract.symbol())) {
                subscribe(contract);
            }
        }
        for (String symbol : List.copyOf(upstream)) {
            if (!watched.contains(symbol)) {
                unsubscribe(symbol);
                store.remove(symbol);
            }
        }
    }

    /**
     * Lets go of every upstream subscription nobody has needed for {@code idle}, so IB's lines go
     * to symbols that are wanted. A free source keeps everything.
     */
    public synchronized List<String> releaseIdle(Duration idle) {
        List<String> released = new ArrayList<>();
        if (!source.subscribesOnDemand() || relay.active()) {
            return released;
        }
        for (String symbol : List.copyOf(upstream)) {
            if (demand.idleFor(symbol, idle)) {
                unsubscribe(symbol);
                released.add(symbol);
            }
        }
        if (!released.isEmpty()) {
            LOG.info(() -> "Released idle market-data subscriptions: " + released);
        }
        return released;
    }

    /** The symbols subscribed at the source right now. */
    public Set<String> subscribed() {
        return Set.copyOf(upstream);
    }

    /** The source it runs when that is the simulated market, which prices can be injected into. */
    public Optional<SimulatedMarket> simulatedMarket() {
        return source instanceof SimulatedMarket market ? Optional.of(market) : Optional.empty();
    }

    /**
     * Whether the ticks of this member's own source are taken: always standalone; in a cluster only
     * while this member leads, since a member that follows takes the leader's and drops its own.
     */
    public boolean ownTicksCount() {
        return !relay.active() || leadership.leading();
    }

    /**
     * The source's own status; on a member that follows in a cluster, that its ticks come from the
     * leader (its own source is not used, and an IBKR one has no session there).
     */
    public SourceStatus status() {
        if (!ownTicksCount()) {
            return new SourceStatus(
                    source.name(),
                    SourceStatus.State.CONNECTED,
                    "following: ticks come from the leading member",
                    status == null ? null : status.since());
        }
        return status;
    }

    /**
     * In a cluster every watched symbol is streamed: the demand of the other members' clients is
     * not known here.
     */
    private boolean wanted(String symbol) {
        return relay.active() || !source.subscribesOnDemand() || demand.needed(symbol);
    }

    /**
     * A contract the source cannot name (IB has no mapping for it) is logged, never fatal to the
     * caller.
     */
    private void subscribe(Contract contract) {
        try {
            source.subscribe(contract);
            upstream.add(contract.symbol());
        } catch (IllegalArgumentException e) {
            LOG.warning(
                    () ->
                            source.name()
                                    + " cannot stream "
                                    + contract.symbol()
                                    + ": "
                                    + e.getMessage());
        }
    }

    private void unsubscribe(String symbol) {
        upstream.remove(symbol);
        source.unsubscribe(symbol);
    }

    /**
     * The tick path: runs on the source's thread for every quote. In a cluster only the leader's
     * source counts, and the leader numbers each tick in its term and passes it on to the other
     * members before it takes it itself; a member that stopped leading drops its own (a TWS session
     * it still had a moment ago, a simulated market).
     */
    private void accept(Quote quote) {
        if (!relay.active()) {
            take(quote);
            return;
        }
        Optional<LeaderToken> lead = leadership.leading() ? leadership.held() : Optional.empty();
        if (lead.isEmpty()) {
            return;
        }
        NumberedQuote tick = numbers.next(quote, lead.get().term(), lead.get().member());
        relay.publish(tick);
        take(tick);
    }

    /**
     * Another member's tick, on the relay's thread. While this member leads its own source is the
     * truth: a late tick of a member that led before is not taken.
     */
    private void relayed(NumberedQuote tick) {
        if (!leadership.leading()) {
            take(tick);
        }
    }

    private void take(NumberedQuote tick) {
        take(tick.quote());
        numberedQuotes.fire(tick);
    }

    private void take(Quote quote) {
        store.put(quote);
        meter.tick();
        quotes.fire(quote);
    }
}

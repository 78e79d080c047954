package org.tickerdesk.marketdata.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.WatchlistChanged;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Runs the configured market-data source over the watchlist: subscribes what is watched,
 * follows watchlist changes, and passes every quote to the quote store and on as a CDI event
 * (for the WebSocket fan-out and whatever else listens). It keeps the source's latest status
 * for the dashboard and readiness.
 */
@Startup
@Singleton
@DependsOn("DefaultWatchlist")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FeedSupervisor {

    private static final Logger LOG = Logger.getLogger(FeedSupervisor.class.getName());

    @Inject
    @ConfigProperty(name = "tickerdesk.source")
    String sourceName;

    @Inject
    @ConfigProperty(name = "tickerdesk.sim.seed")
    long seed;

    @Inject
    @ConfigProperty(name = "tickerdesk.sim.ticks-per-second")
    double ticksPerSecond;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    InstrumentCatalog catalog;

    @Inject
    QuoteStore store;

    @Inject
    TickMeter meter;

    @Inject
    Event<Quote> quotes;

    private MarketDataSource source;
    private volatile SourceStatus status;

    @PostConstruct
    void start() {
        source = createSource();
        status = new SourceStatus(source.name(), SourceStatus.State.STARTING, "starting", Instant.now());
        source.start(new MarketDataSink() {
            @Override
            public void onQuote(Quote quote) {
                accept(quote);
            }

            @Override
            public void onStatus(SourceStatus newStatus) {
                LOG.info(() -> "Market data source " + newStatus.source() + ": " + newStatus.state()
                        + " (" + newStatus.detail() + ")");
                status = newStatus;
            }
        });
        catalog.watchlist().forEach(source::subscribe);
    }

    @PreDestroy
    void stop() {
        source.close();
    }

    private MarketDataSource createSource() {
        if ("simulated".equals(sourceName)) {
            return new SimulatedMarket(seed, ticksPerSecond, threads);
        }
        throw new IllegalStateException("tickerdesk.source (TICKERDESK_SOURCE) must be 'simulated'; '"
                + sourceName + "' is not a source this build has");
    }

    public void follow(@Observes(during = TransactionPhase.AFTER_SUCCESS) WatchlistChanged change) {
        if (change.watched()) {
            source.subscribe(change.contract());
        } else {
            source.unsubscribe(change.contract().symbol());
            store.remove(change.contract().symbol());
        }
    }

    /** The tick path: runs on the source's thread for every quote. */
    private void accept(Quote quote) {
        store.put(quote);
        meter.tick();
        quotes.fire(quote);
    }

    public SourceStatus status() {
        return status;
    }
}

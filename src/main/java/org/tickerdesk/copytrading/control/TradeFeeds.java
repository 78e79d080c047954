package org.tickerdesk.copytrading.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Trader;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place a {@link TradeFeed} is selected by the name a trader's {@code feed} holds, started
 * with a sink into the {@link Intake} and closed. The webhook and simulated feeds are produced
 * here; IBKR's comes from the ibkr component. A feed that cannot deliver here while a trader
 * follows it says why once in the log (again only when the reason changes), never as a stack trace.
 */
@ApplicationScoped
public class TradeFeeds {

    private static final Logger LOG = Logger.getLogger(TradeFeeds.class.getName());

    @Inject @Any Instance<TradeFeed> implementations;

    @Inject Intake intake;

    @Inject IntakeLog log;

    @Inject WatchedTraders watched;

    @Inject Upstream upstream;

    @Inject QuoteStore quotes;

    @Inject InstrumentCatalog catalog;

    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "tickerdesk.sim.seed")
    long seed;

    @Inject
    @ConfigProperty(name = "tickerdesk.copy.simulated.slot-seconds")
    int slotSeconds;

    private final Map<String, TradeFeed> started = new ConcurrentHashMap<>();
    private final Map<String, String> told = new ConcurrentHashMap<>();

    /**
     * Starts every feed with the application, so that one told of trades listens from the start.
     */
    void boot(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (String name : new TreeSet<>(Trader.FEEDS)) {
            try {
                feed(name);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        e,
                        () ->
                                "The "
                                        + name
                                        + " trade feed did not start; it is tried again at use");
            }
        }
    }

    /** The feed a trader's {@code feed} names, started; empty when none implements that name. */
    public Optional<TradeFeed> feed(String name) {
        Objects.requireNonNull(name, "name");
        if (!Trader.FEEDS.contains(name)) {
            return Optional.empty();
        }
        TradeFeed known = started.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (started) {
            known = started.get(name);
            if (known != null) {
                return Optional.of(known);
            }
            Instance<TradeFeed> chosen = implementations.select(new TradeFeed.Named.Literal(name));
            if (!chosen.isResolvable()) {
                return Optional.empty();
            }
            TradeFeed feed = chosen.get();
            feed.start(sink(name));
            started.put(name, feed);
            return Optional.of(feed);
        }
    }

    /**
     * Polls the feed of this name once, unless it cannot deliver here (then, if an enabled trader
     * follows it, says why once).
     *
     * @return whether it was polled
     */
    public boolean poll(String name) {
        Optional<String> unavailable = unavailable(name);
        if (unavailable.isPresent()) {
            if (!watched.enabled(name).isEmpty()) {
                tell(name, unavailable.get());
            }
            return false;
        }
        Optional<TradeFeed> feed = feed(name);
        if (feed.isEmpty()) {
            return false;
        }
        told.remove(name);
        feed.get().poll();
        return true;
    }

    /** Why the feed of this name cannot deliver here; empty when it can. */
    public Optional<String> unavailable(String name) {
        return feed(name)
                .map(TradeFeed::unavailable)
                .orElseGet(() -> Optional.of("no feed implements '" + name + "' in this build"));
    }

    /** The sink the feed of this name delivers into. */
    public TradeSink sink(String feed) {
        return new IntakeSink(feed);
    }

    @PreDestroy
    void closeAll() {
        for (TradeFeed feed : List.copyOf(started.values())) {
            try {
                feed.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "The " + feed.name() + " trade feed did not close");
            }
        }
        started.clear();
    }

    private void tell(String name, String why) {
        if (!why.equals(told.put(name, why))) {
            LOG.info(() -> "The " + name + " trade feed cannot deliver: " + why);
        }
    }

    @Produces
    @Dependent
    @TradeFeed.Named(WebhookTrades.FEED)
    TradeFeed webhook() {
        return new WebhookTrades.Feed();
    }

    @Produces
    @Dependent
    @TradeFeed.Named(SimulatedFeed.NAME)
    TradeFeed simulated() {
        return new SimulatedFeed(
                seed,
                Duration.ofSeconds(slotSeconds),
                upstream,
                symbol -> quotes.latest(symbol),
                catalog::watchlist,
                clock);
    }

    /** The slot of the simulated leaders, as configured. */
    public Duration simulatedSlot() {
        return Duration.ofSeconds(slotSeconds);
    }

    /** The intake, for the traders of one feed. */
    private final class IntakeSink implements TradeSink {
        private final String feed;

        IntakeSink(String feed) {
            this.feed = feed;
        }

        @Override
        public List<WatchedTrader> followed() {
            return watched.enabled(feed);
        }

        @Override
        public IntakeSnapshot deliver(long traderId, LeaderTrade trade) {
            return intake.take(traderId, feed, trade);
        }

        @Override
        public Optional<Instant> lastTradeTime(long traderId) {
            return log.list(traderId, null, 20).stream()
                    .filter(e -> e.feed().equals(feed))
                    .map(e -> e.trade().time())
                    .max(Instant::compareTo);
        }
    }
}

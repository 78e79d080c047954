package org.tickerdesk.marketdata.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The latest quote of every symbol. The tick path only touches a local map; the symbols that
 * changed are written to the cluster-wide copy in JCache (Hazelcast, inside Payara) a few times a
 * second, so tens of thousands of ticks per second cost the data grid no more than one write per
 * symbol per flush. A flush and a remove never overlap, so a symbol removed while a flush is
 * writing does not come back into the cache.
 *
 * <p>A symbol's last quote stays readable after its ticks stop, marked stale by {@link Staleness}
 * from its own source time: a trader sees the last price and that it is old, never a blank nor an
 * old price that looks current. So the cache does not expire a quote when it turns stale but keeps
 * it {@link #KEPT_DAYS} days after its last update, long past any staleness limit: Friday's last
 * quote is still there, stale, on Monday on every instance, and a symbol that nothing quotes any
 * more leaves the grid in the end.
 */
@ApplicationScoped
public class QuoteStore {

    static final String CACHE = "tickerdesk-quotes";
    static final int KEPT_DAYS = 7;
    private static final Logger LOG = Logger.getLogger(QuoteStore.class.getName());

    @Inject CacheManager cacheManager;

    @Resource ManagedScheduledExecutorService scheduler;

    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "tickerdesk.marketdata.stale-seconds")
    int staleSeconds = Staleness.DEFAULT_SECONDS;

    private final Map<String, Quote> local = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    /** Held by a flush and a remove, never by the tick path. */
    private final Object writing = new Object();

    Cache<String, Quote> cache;
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void open() {
        Cache<String, Quote> existing = cacheManager.getCache(CACHE, String.class, Quote.class);
        cache =
                existing != null
                        ? existing
                        : cacheManager.createCache(
                                CACHE,
                                new MutableConfiguration<String, Quote>()
                                        .setTypes(String.class, Quote.class)
                                        .setExpiryPolicyFactory(
                                                ModifiedExpiryPolicy.factoryOf(
                                                        new Duration(TimeUnit.DAYS, KEPT_DAYS))));
        flusher = scheduler.scheduleWithFixedDelay(this::flush, 250, 250, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        if (flusher != null) {
            flusher.cancel(false);
        }
    }

    public void put(Quote quote) {
        local.put(quote.symbol(), quote);
        dirty.add(quote.symbol());
    }

    /**
     * The latest quote if it is not stale, from this instance or the cluster: a price to act on, as
     * the paper broker fills at.
     */
    public Optional<Quote> latest(String symbol) {
        Staleness staleness = staleness();
        return Optional.ofNullable(newest(symbol, staleness)).filter(q -> !staleness.isStale(q));
    }

    /** The last quote known, however old, with its age and whether it is stale. */
    public Optional<LatestQuote> lastKnown(String symbol) {
        Staleness staleness = staleness();
        return Optional.ofNullable(newest(symbol, staleness)).map(staleness::judge);
    }

    /** The last quote of every symbol this instance has quoted, by symbol, stale ones marked. */
    public List<LatestQuote> all() {
        Staleness staleness = staleness();
        List<LatestQuote> quotes = new ArrayList<>();
        for (Quote quote : local.values()) {
            quotes.add(staleness.judge(quote));
        }
        quotes.sort(Comparator.comparing(q -> q.quote().symbol()));
        return quotes;
    }

    /** Seconds after its source time that a quote turns stale. */
    public int staleSeconds() {
        return staleSeconds;
    }

    /** How old a quote may be before it is stale, by this store's clock. */
    public Staleness staleness() {
        return new Staleness(staleSeconds, clock);
    }

    /**
     * This instance's quote, unless it is stale and the cluster holds a newer one: an instance
     * whose own feed paused still serves the price another instance received.
     */
    private Quote newest(String symbol, Staleness staleness) {
        Quote quote = local.get(symbol);
        if (quote == null || staleness.isStale(quote)) {
            Quote shared = cache.get(symbol);
            if (shared != null
                    && (quote == null || shared.timestampMicros() > quote.timestampMicros())) {
                return shared;
            }
        }
        return quote;
    }

    /**
     * Forgets a symbol that left the watchlist. Waits for a flush under way: that flush may hold
     * the symbol's quote and would write it back after the cache had forgotten it.
     */
    public void remove(String symbol) {
        synchronized (writing) {
            local.remove(symbol);
            dirty.remove(symbol);
            cache.remove(symbol);
        }
    }

    void flush() {
        synchronized (writing) {
            flushDirty();
        }
    }

    private void flushDirty() {
        try {
            if (dirty.isEmpty()) {
                return;
            }
            Map<String, Quote> batch = new HashMap<>();
            for (String symbol : List.copyOf(dirty)) {
                dirty.remove(symbol);
                Quote quote = local.get(symbol);
                if (quote != null) {
                    batch.put(symbol, quote);
                }
            }
            cache.putAll(batch);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not write quotes to the cache; the next flush tries again",
                    e);
        }
    }
}

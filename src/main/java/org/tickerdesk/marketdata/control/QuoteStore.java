package org.tickerdesk.marketdata.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
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
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The latest quote of every symbol. The cluster-wide copy lives in JCache (Hazelcast, inside
 * Payara) and expires 60 s after its last update; the tick path only touches a local map, and the
 * symbols that changed are written to the cache a few times a second, so tens of thousands of ticks
 * per second cost the data grid no more than one write per symbol per flush. A flush and a remove
 * never overlap, so a symbol removed while a flush is writing does not come back into the cache.
 */
@ApplicationScoped
public class QuoteStore {

    static final String CACHE = "tickerdesk-quotes";
    static final long TTL_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final Logger LOG = Logger.getLogger(QuoteStore.class.getName());

    @Inject CacheManager cacheManager;

    @Resource ManagedScheduledExecutorService scheduler;

    @Inject Clock clock;

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
                                                        new Duration(TimeUnit.SECONDS, 60))));
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

    /** The latest quote no older than the TTL, from this instance or, failing that, the cluster. */
    public Optional<Quote> latest(String symbol) {
        Quote quote = local.get(symbol);
        if (quote == null) {
            quote = cache.get(symbol);
        }
        return Optional.ofNullable(quote).filter(this::fresh);
    }

    /** Every fresh quote this instance knows, by symbol. */
    public List<Quote> all() {
        List<Quote> quotes = new ArrayList<>();
        for (Quote quote : local.values()) {
            if (fresh(quote)) {
                quotes.add(quote);
            }
        }
        quotes.sort(Comparator.comparing(Quote::symbol));
        return quotes;
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

    private boolean fresh(Quote quote) {
        Instant now = clock.instant();
        long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        return nowMicros - quote.timestampMicros() < TTL_MICROS;
    }
}

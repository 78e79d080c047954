package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * The latest quotes in Payara's JCache (Hazelcast): the store writes them behind, a few times a
 * second, where other instances read them, and the cache keeps them a week after their last update,
 * so that a symbol whose ticks stopped is still shown everywhere, marked stale by its own time.
 */
@ExtendWith(ArquillianExtension.class)
class QuoteStoreContainerIT {

    /** The store writes behind every 250 ms; a quote is in the cache well within this. */
    private static final Duration FLUSHED = Duration.ofSeconds(5);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject QuoteStore quotes;

    @Inject CacheManager cacheManager;

    private Cache<String, Quote> cache;

    @BeforeEach
    void openTheCache() {
        // the store creates the cache when it is first used
        quotes.all();
        cache = cacheManager.getCache("tickerdesk-quotes", String.class, Quote.class);
    }

    @Test
    void aPutQuoteReachesTheCacheAndIsReadBack() {
        Quote quote = quote("CIT-PUT", 187.10, 187.12);

        quotes.put(quote);

        await(() -> cache.containsKey("CIT-PUT"), "the quote never reached the cache");
        assertEquals(quote, cache.get("CIT-PUT"));
        assertEquals(Optional.of(quote), quotes.latest("CIT-PUT"));
    }

    @Test
    void aQuoteThatOnlyTheCacheHoldsIsReadFromIt() {
        Quote fromAnotherInstance = quote("CIT-ELSEWHERE", 42.00, 42.05);

        cache.put("CIT-ELSEWHERE", fromAnotherInstance);

        assertEquals(Optional.of(fromAnotherInstance), quotes.latest("CIT-ELSEWHERE"));
    }

    @Test
    void theCacheKeepsAQuoteAWeekAfterItsLastUpdateNotItsLastRead() {
        @SuppressWarnings("unchecked")
        CompleteConfiguration<String, Quote> configuration =
                cache.getConfiguration(CompleteConfiguration.class);
        ExpiryPolicy expiry = configuration.getExpiryPolicyFactory().create();

        long week = Duration.ofDays(7).toMillis();
        assertEquals(week, millis(expiry.getExpiryForCreation()));
        assertEquals(week, millis(expiry.getExpiryForUpdate()));
        assertNull(expiry.getExpiryForAccess(), "reading a quote must not keep it alive");
    }

    @Test
    void anOldQuoteInTheCacheIsReadAsStaleNeverAsCurrent() {
        long twoMinutesAgo = Quote.nowMicros() - Duration.ofMinutes(2).toNanos() / 1000;
        Quote old =
                new Quote(
                        "CIT-OLD",
                        42.00,
                        42.05,
                        42.02,
                        300,
                        200,
                        100,
                        12_000,
                        twoMinutesAgo,
                        MarketDataType.LIVE);

        cache.put("CIT-OLD", old);

        assertEquals(Optional.empty(), quotes.latest("CIT-OLD"));
        LatestQuote known = quotes.lastKnown("CIT-OLD").orElseThrow();
        assertEquals(old, known.quote());
        assertTrue(known.stale());
        assertTrue(known.ageMillis() >= 120_000, "two minutes old: " + known.ageMillis());
    }

    @Test
    void aRemovedSymbolIsGoneFromTheCache() throws InterruptedException {
        quotes.put(quote("CIT-GONE", 10.00, 10.02));
        await(() -> cache.containsKey("CIT-GONE"), "the quote never reached the cache");

        quotes.remove("CIT-GONE");

        assertNull(cache.get("CIT-GONE"));
        assertEquals(Optional.empty(), quotes.latest("CIT-GONE"));
        Thread.sleep(1_000);
        assertNull(cache.get("CIT-GONE"), "a later write-behind brought the quote back");
    }

    @Test
    void aSymbolRemovedBeforeItsQuoteWasWrittenNeverReachesTheCache() throws InterruptedException {
        quotes.put(quote("CIT-BRIEF", 5.00, 5.01));
        quotes.remove("CIT-BRIEF");

        Thread.sleep(1_000);

        assertNull(cache.get("CIT-BRIEF"));
        assertEquals(Optional.empty(), quotes.latest("CIT-BRIEF"));
    }

    private static Quote quote(String symbol, double bid, double ask) {
        return new Quote(
                symbol,
                bid,
                ask,
                ask,
                300,
                200,
                100,
                12_000,
                Quote.nowMicros(),
                MarketDataType.LIVE);
    }

    private static long millis(javax.cache.expiry.Duration duration) {
        return TimeUnit.MILLISECONDS.convert(duration.getDurationAmount(), duration.getTimeUnit());
    }

    private static void await(BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + FLUSHED.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        assertTrue(condition.getAsBoolean(), failure);
    }
}

package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.SettableClock;

/**
 * The latest quotes: how long they count as fresh, that they stay readable marked stale after, and
 * forgetting a symbol while a flush writes.
 */
class QuoteStoreTest {

    private static final Instant T0 = Instant.parse("2025-11-20T15:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final Map<String, Quote> cluster = new ConcurrentHashMap<>();
    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);
    private volatile boolean holdWrites;
    private final QuoteStore store = new QuoteStore();

    QuoteStoreTest() {
        store.clock = clock;
        store.cache = cache();
    }

    /** A quote the source stamped {@code secondsAfterT0} after T0. */
    private static Quote quote(String symbol, long secondsAfterT0) {
        long micros = (T0.getEpochSecond() + secondsAfterT0) * 1_000_000;
        return new Quote(
                symbol, 189.9, 190.1, 190.0, 100, 200, 10, 5000, micros, MarketDataType.LIVE);
    }

    @Test
    void aQuoteIsFreshForSixtySecondsOfTheInjectedClockThenStaysReadableMarkedStale() {
        Quote aapl = quote("AAPL", 0);
        store.put(aapl);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of(aapl), store.latest("AAPL"));
        assertEquals(Optional.of(new LatestQuote(aapl, false, 59_000)), store.lastKnown("AAPL"));
        assertEquals(List.of(new LatestQuote(aapl, false, 59_000)), store.all());

        clock.advance(Duration.ofSeconds(1));

        assertEquals(Optional.empty(), store.latest("AAPL"), "no price to act on");
        assertEquals(Optional.of(new LatestQuote(aapl, true, 60_000)), store.lastKnown("AAPL"));
        assertEquals(List.of(new LatestQuote(aapl, true, 60_000)), store.all());
    }

    @Test
    void theStaleSecondsSettingDecides() {
        store.staleSeconds = 5;
        Quote aapl = quote("AAPL", 0);
        store.put(aapl);

        clock.advance(Duration.ofMillis(4_999));
        assertEquals(Optional.of(aapl), store.latest("AAPL"));

        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), store.latest("AAPL"));
        assertEquals(Optional.of(new LatestQuote(aapl, true, 5_000)), store.lastKnown("AAPL"));
        assertEquals(5, store.staleSeconds());
    }

    @Test
    void aNewQuoteMakesTheSymbolFreshAgain() {
        store.put(quote("AAPL", 0));
        clock.advance(Duration.ofMinutes(10));
        Quote later = quote("AAPL", 600);

        store.put(later);

        assertEquals(Optional.of(new LatestQuote(later, false, 0)), store.lastKnown("AAPL"));
    }

    @Test
    void aQuoteOnlyTheClusterHoldsIsJudgedByItsOwnTimeToo() {
        Quote elsewhere = quote("MSFT", 0);
        cluster.put("MSFT", elsewhere);

        clock.advance(Duration.ofDays(3));

        assertEquals(Optional.empty(), store.latest("MSFT"));
        assertEquals(
                Optional.of(new LatestQuote(elsewhere, true, Duration.ofDays(3).toMillis())),
                store.lastKnown("MSFT"));
    }

    @Test
    void aStaleLocalQuoteGivesWayToANewerOneFromTheCluster() {
        store.put(quote("AAPL", 0));
        clock.advance(Duration.ofSeconds(90));
        Quote fromAnotherInstance = quote("AAPL", 85);
        cluster.put("AAPL", fromAnotherInstance);

        assertEquals(Optional.of(fromAnotherInstance), store.latest("AAPL"));
        assertEquals(
                Optional.of(new LatestQuote(fromAnotherInstance, false, 5_000)),
                store.lastKnown("AAPL"));
    }

    @Test
    void aSymbolNeverQuotedIsUnknown() {
        assertEquals(Optional.empty(), store.lastKnown("NVDA"));
    }

    @Test
    void aFlushWritesWhatChangedToTheCluster() {
        Quote aapl = quote("AAPL", 0);
        store.put(aapl);
        store.flush();
        assertEquals(Map.of("AAPL", aapl), cluster);
    }

    @Test
    void aSymbolRemovedWhileAFlushWritesDoesNotComeBack() throws Exception {
        store.put(quote("AAPL", 0));
        holdWrites = true;
        Thread flushing = new Thread(store::flush, "flush");
        flushing.start();
        assertTrue(writing.await(5, TimeUnit.SECONDS), "the flush reached the cache");

        Thread removing = new Thread(() -> store.remove("AAPL"), "remove");
        removing.start();
        // the remove either finishes now (and the flush would write AAPL back after it) or waits
        waitUntilDoneOrWaiting(removing);
        resume.countDown();
        flushing.join(5_000);
        removing.join(5_000);

        assertFalse(cluster.containsKey("AAPL"), "AAPL came back into the cache: " + cluster);
        assertEquals(Optional.empty(), store.latest("AAPL"));
    }

    private static void waitUntilDoneOrWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED
                    || state == Thread.State.BLOCKED
                    || state == Thread.State.WAITING) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError(thread.getName() + " neither finished nor waited");
    }

    /** The cluster's cache over a map; a write can be held mid-way to let a remove race it. */
    @SuppressWarnings("unchecked")
    private Cache<String, Quote> cache() {
        return (Cache<String, Quote>)
                Proxy.newProxyInstance(
                        Cache.class.getClassLoader(),
                        new Class<?>[] {Cache.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "get" -> cluster.get((String) args[0]);
                                    case "remove" -> cluster.remove((String) args[0]) != null;
                                    case "putAll" -> {
                                        if (holdWrites) {
                                            writing.countDown();
                                            resume.await(5, TimeUnit.SECONDS);
                                        }
                                        cluster.putAll((Map<String, Quote>) args[0]);
                                        yield null;
                                    }
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    method.getName());
                                });
    }
}

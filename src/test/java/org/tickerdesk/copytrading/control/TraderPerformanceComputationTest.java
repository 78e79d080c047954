package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.IntakeFigures;
import org.tickerdesk.copytrading.entity.StoredTrader;
import org.tickerdesk.trading.control.BookPnl;
import org.tickerdesk.trading.control.Positions;

/**
 * How the figures are computed: only the traders whose count of intake changes moved are summed
 * again, the others are answered as known; callers who find the cache empty while one computes wait
 * for that one computation and share its answer.
 */
class TraderPerformanceComputationTest {

    @Test
    void theTradersWhoseCountMovedOrIsNewAreStale() {
        Map<Long, TraderPerformance.Known> known =
                Map.of(
                        1L, new TraderPerformance.Known(5, IntakeFigures.none(1)),
                        2L, new TraderPerformance.Known(2, IntakeFigures.none(2)),
                        4L, new TraderPerformance.Known(7, IntakeFigures.none(4)));

        Set<Long> stale = TraderPerformance.stale(Map.of(1L, 5L, 2L, 3L, 3L, 1L), known);

        // 1 unchanged, 2 written since, 3 new; 4 has no entry any more and is not asked for
        assertEquals(Set.of(2L, 3L), stale);
    }

    @Test
    void onlyTheChangedTraderIsSummedAgainAndTheOthersAreAnsweredAsKnown() {
        Log intake = new Log();
        intake.changes.putAll(Map.of(1L, 10L, 2L, 4L));
        intake.copied.putAll(Map.of(1L, 8, 2L, 3));
        TraderPerformance performance = performance(intake, List.of(trader(1), trader(2)));

        String first = performance.compute();
        intake.changes.put(2L, 5L);
        intake.copied.put(2L, 4);
        intake.copied.put(1L, 99); // not asked for: trader 1's count did not move
        String second = performance.compute();
        String third = performance.compute();

        assertEquals(List.of(Set.of(1L, 2L), Set.of(2L)), intake.asked);
        assertTrue(first.contains("\"copied\":8,") && first.contains("\"copied\":3,"), first);
        assertTrue(second.contains("\"copied\":8,") && second.contains("\"copied\":4,"), second);
        assertEquals(second, third);
    }

    @Test
    void aTraderWithoutEntriesHasNoFiguresAndATraderWhoseEntriesWentIsForgotten() {
        Log intake = new Log();
        intake.changes.put(1L, 3L);
        intake.copied.put(1L, 2);
        TraderPerformance performance = performance(intake, List.of(trader(1), trader(2)));

        String first = performance.compute();
        intake.changes.clear();
        intake.copied.clear();
        String second = performance.compute();

        assertTrue(first.contains("\"copied\":2,"), first);
        assertTrue(first.contains("\"copied\":0,"), first); // trader 2, no entry
        assertTrue(!second.contains("\"copied\":2,"), second);
        assertEquals(List.of(Set.of(1L)), intake.asked);
    }

    @Test
    void callersWhoFindTheCacheEmptyWhileOneComputesShareThatComputation() throws Exception {
        Log intake = new Log();
        intake.changes.put(1L, 1L);
        intake.copied.put(1L, 6);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        intake.onChanges =
                () -> {
                    computing.countDown();
                    await(release);
                };
        TraderPerformance performance = performance(intake, List.of(trader(1)));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<String> firstCaller = callers.submit(performance::json);
            assertTrue(computing.await(10, TimeUnit.SECONDS));
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(callers.submit(performance::json));
            }
            Thread.sleep(200); // the three are waiting for the computation under way
            release.countDown();

            String answer = firstCaller.get(10, TimeUnit.SECONDS);
            for (Future<String> other : others) {
                assertEquals(answer, other.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, intake.changesRead.size(), "computed once");
            assertEquals(List.of(Set.of(1L)), intake.asked);
        } finally {
            callers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The intake log's two answers the computation reads, counted. */
    private static final class Log extends IntakeLog {
        final Map<Long, Long> changes = new ConcurrentHashMap<>();
        final Map<Long, Integer> copied = new ConcurrentHashMap<>();
        final List<Set<Long>> asked = new CopyOnWriteArrayList<>();
        final List<Instant> changesRead = new CopyOnWriteArrayList<>();
        Runnable onChanges = () -> {};

        @Override
        public Map<Long, Long> changes() {
            changesRead.add(Instant.now());
            onChanges.run();
            return new HashMap<>(changes);
        }

        @Override
        public Map<Long, IntakeFigures> figures(Collection<Long> traders) {
            asked.add(Set.copyOf(traders));
            Map<Long, IntakeFigures> figures = new HashMap<>();
            for (Long trader : traders) {
                if (copied.containsKey(trader)) {
                    figures.put(
                            trader,
                            new IntakeFigures(
                                    trader,
                                    copied.get(trader),
                                    0,
                                    0,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    BigDecimal.ZERO));
                }
            }
            return figures;
        }
    }

    private static TraderPerformance performance(IntakeLog intake, List<StoredTrader> all) {
        TraderPerformance performance = new TraderPerformance();
        performance.intake = intake;
        performance.store =
                new TraderStore() {
                    @Override
                    public List<StoredTrader> all() {
                        return all;
                    }
                };
        performance.positions =
                new Positions() {
                    @Override
                    public List<BookPnl> pnlOfBooks(String prefix) {
                        return List.of();
                    }
                };
        performance.clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
        performance.cache = cache();
        return performance;
    }

    /** A cache that keeps what is put until it is removed: the JCache calls the class makes. */
    @SuppressWarnings("unchecked")
    private static Cache<String, String> cache() {
        Map<Object, Object> entries = new ConcurrentHashMap<>();
        return (Cache<String, String>)
                Proxy.newProxyInstance(
                        Cache.class.getClassLoader(),
                        new Class<?>[] {Cache.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "get" -> entries.get(args[0]);
                                    case "put" -> entries.put(args[0], args[1]);
                                    case "remove" -> entries.remove(args[0]) != null;
                                    default ->
                                            throw new UnsupportedOperationException(
                                                    method.getName());
                                });
    }

    private static StoredTrader trader(long id) {
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        return new StoredTrader(
                id,
                "Trader " + id,
                "webhook",
                true,
                false,
                new BigDecimal("10000"),
                "RATIO",
                null,
                new BigDecimal("0.5"),
                null,
                null,
                null,
                "",
                "",
                null,
                null,
                null,
                null,
                true,
                null,
                "{}",
                "ab".repeat(32),
                at,
                at,
                0,
                null);
    }
}

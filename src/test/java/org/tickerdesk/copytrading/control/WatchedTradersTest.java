package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.StoredTrader;

/**
 * The cache's rule for a trader's entry: never an older version in place of a newer one; and an
 * edit is read here at once, while the data grid is told of it on another thread.
 */
class WatchedTradersTest {

    @Test
    void anAbsentEntryTakesTheRow() {
        Entry entry = new Entry(null);

        new WatchedTraders.PutIfNewer(row(3, "10000")).process(entry);

        assertEquals(row(3, "10000"), entry.value);
    }

    @Test
    void aNewerVersionReplacesAnOlderOneButNeverTheOtherWayRound() {
        Entry entry = new Entry(row(3, "10000"));

        new WatchedTraders.PutIfNewer(row(4, "20000")).process(entry);
        assertEquals(row(4, "20000"), entry.value);

        new WatchedTraders.PutIfNewer(row(3, "10000")).process(entry);
        assertEquals(row(4, "20000"), entry.value, "a late answer of an earlier edit is ignored");
    }

    @Test
    void theSameVersionWithOtherValuesIsTakenAsTheDatabaseHasIt() {
        Entry entry = new Entry(row(4, "20000"));

        new WatchedTraders.PutIfNewer(row(4, "30000")).process(entry);

        assertEquals(row(4, "30000"), entry.value);
    }

    @Test
    void anEditIsReadHereAtOnceWhileTheGridIsStillBeingToldOfIt() {
        Grid grid = new Grid();
        WatchedTraders watched = grid.watched();
        grid.entries.put(7L, row(3, "10000"));

        watched.changed(row(4, "20000"));

        assertEquals(row(3, "10000"), grid.entries.get(7L), "the grid is not told yet");
        assertEquals(
                new BigDecimal("20000"),
                watched.settings(7).orElseThrow().allocation(),
                "read here");

        grid.runTold();
        assertEquals(row(4, "20000"), grid.entries.get(7L));
        assertEquals(new BigDecimal("20000"), watched.settings(7).orElseThrow().allocation());
    }

    @Test
    void anEditToldToTheGridWhileItIsReadIsStillRead() {
        Grid grid = new Grid();
        WatchedTraders watched = grid.watched();
        grid.entries.put(7L, row(3, "10000"));
        watched.changed(row(4, "20000"));
        // the grid answers the entry as it was, and the edit arrives in it right after
        grid.tellAfterNextGet = true;

        assertEquals(new BigDecimal("20000"), watched.settings(7).orElseThrow().allocation());
    }

    @Test
    void anOlderEditToldLateNeitherHidesNorReplacesANewerOne() {
        Grid grid = new Grid();
        WatchedTraders watched = grid.watched();

        watched.changed(row(5, "30000"));
        watched.changed(row(4, "20000"));
        grid.runTold();

        assertEquals(row(5, "30000"), grid.entries.get(7L));
        assertEquals(new BigDecimal("30000"), watched.settings(7).orElseThrow().allocation());
    }

    @Test
    void aTraderDeletedWhileItsEditIsOnItsWayIsNotPutBack() throws Exception {
        Grid grid = new Grid();
        WatchedTraders watched = grid.watched();
        watched.changed(row(4, "20000"));
        Thread late =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(200);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            grid.runTold();
                        });
        late.start();

        watched.deleted(7);
        late.join();

        assertNull(grid.entries.get(7L));
        assertEquals(Optional.empty(), watched.settings(7));
    }

    /**
     * The data grid's two caches as maps, and an executor that keeps what it is given until the
     * test runs it.
     */
    private static final class Grid {
        final Map<Object, Object> entries = new ConcurrentHashMap<>();
        final Map<Object, Object> ids = new ConcurrentHashMap<>();
        final List<Runnable> told = new CopyOnWriteArrayList<>();
        volatile boolean tellAfterNextGet;

        WatchedTraders watched() {
            WatchedTraders watched = new WatchedTraders();
            watched.traders = cache(entries);
            watched.ids = cache(ids);
            watched.toGrid = told::add;
            watched.store =
                    new TraderStore() {
                        @Override
                        public long[] ids() {
                            return new long[0];
                        }

                        @Override
                        public Optional<StoredTrader> find(long id) {
                            return Optional.empty();
                        }
                    };
            return watched;
        }

        void runTold() {
            List<Runnable> now = List.copyOf(told);
            told.removeAll(now);
            now.forEach(Runnable::run);
        }

        @SuppressWarnings("unchecked")
        private <K, V> Cache<K, V> cache(Map<Object, Object> map) {
            return (Cache<K, V>)
                    Proxy.newProxyInstance(
                            Grid.class.getClassLoader(),
                            new Class<?>[] {Cache.class},
                            (proxy, method, args) ->
                                    switch (method.getName()) {
                                        case "get" -> {
                                            Object value = map.get(args[0]);
                                            if (tellAfterNextGet) {
                                                tellAfterNextGet = false;
                                                runTold();
                                            }
                                            yield value;
                                        }
                                        case "put" -> map.put(args[0], args[1]);
                                        case "remove" -> map.remove(args[0]) != null;
                                        case "invoke" -> {
                                            Entry entry =
                                                    new Entry((StoredTrader) map.get(args[0]));
                                            ((EntryProcessor<Long, StoredTrader, Object>) args[1])
                                                    .process(entry);
                                            map.put(args[0], entry.value);
                                            yield null;
                                        }
                                        default ->
                                                throw new UnsupportedOperationException(
                                                        method.getName());
                                    });
        }
    }

    private static StoredTrader row(long version, String allocation) {
        return new StoredTrader(
                7,
                "Alice",
                "webhook",
                true,
                false,
                new BigDecimal(allocation),
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
                Instant.parse("2026-11-30T10:00:00Z"),
                Instant.parse("2026-11-30T10:00:00Z"),
                version,
                null);
    }

    /** One cache entry, as the data grid hands it to the processor. */
    private static final class Entry implements MutableEntry<Long, StoredTrader> {
        StoredTrader value;

        Entry(StoredTrader value) {
            this.value = value;
        }

        @Override
        public boolean exists() {
            return value != null;
        }

        @Override
        public void remove() {
            value = null;
        }

        @Override
        public void setValue(StoredTrader value) {
            this.value = value;
        }

        @Override
        public Long getKey() {
            return 7L;
        }

        @Override
        public StoredTrader getValue() {
            return value;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            assertNull(type);
            return null;
        }
    }
}

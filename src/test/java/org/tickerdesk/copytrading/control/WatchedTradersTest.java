package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.StoredTrader;

/** The cache's rule for a trader's entry: never an older version in place of a newer one. */
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

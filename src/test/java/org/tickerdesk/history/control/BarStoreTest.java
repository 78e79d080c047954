package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * The shape of the bar store's SQL and its parameters; the statements themselves run on PostgreSQL.
 */
class BarStoreTest {

    private static final Instant T0 = Instant.parse("2025-11-20T14:30:00Z");
    private static final Instant FETCHED = Instant.parse("2025-11-20T21:00:05Z");

    private static Bar bar(Instant start, String close, String volume, Integer count) {
        BigDecimal c = new BigDecimal(close);
        return new Bar(
                start, c, c, c, c, volume == null ? null : new BigDecimal(volume), null, count);
    }

    @Test
    void theUpsertIsKeyedByInstrumentBarSizeSeriesAndStartAndOverwritesEverythingElse() {
        String sql = BarStore.UPSERT.replaceAll("\\s+", " ");
        assertTrue(
                sql.contains(
                        "ON CONFLICT (instrument_id, bar_size, what_to_show, start_time) DO UPDATE"
                                + " SET"),
                sql);
        for (String column :
                List.of(
                        "open",
                        "high",
                        "low",
                        "close",
                        "volume",
                        "wap",
                        "bar_count",
                        "source",
                        "fetched_at")) {
            assertTrue(sql.contains(column + " = EXCLUDED." + column), column);
        }
        assertTrue(sql.contains("FROM unnest("), sql);
    }

    @Test
    void everyPlaceholderHasItsParameter() {
        List<Object> upsert =
                BarStore.upsertParameters(
                        7,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "ibkr",
                        FETCHED,
                        BarColumns.of(List.of(bar(T0, "1", null, null)), 10).get(0));
        assertEquals(highestPlaceholder(BarStore.UPSERT), upsert.size());
        assertEquals(
                List.of(7L, "1m", "TRADES", "ibkr", "2025-11-20T21:00:05Z"), upsert.subList(0, 5));
        List<Object> range =
                BarStore.rangeParameters(
                        7, new BarQuery("AAPL", BarSize.DAY_1, WhatToShow.BID, null, null, 5));
        assertEquals(highestPlaceholder(BarStore.RANGE), range.size());
    }

    @Test
    void barsTravelAsOneArrayLiteralPerColumnWithNullForWhatIsMissing() {
        BarColumns columns =
                BarColumns.of(
                                List.of(
                                        bar(T0, "189.50", "12000", 95),
                                        bar(T0.plusSeconds(60), "1E+2", null, null)),
                                1000)
                        .get(0);
        assertEquals("{\"2025-11-20T14:30:00Z\",\"2025-11-20T14:31:00Z\"}", columns.starts());
        assertEquals("{189.50,100}", columns.closes());
        assertEquals("{12000,NULL}", columns.volumes());
        assertEquals("{NULL,NULL}", columns.waps());
        assertEquals("{95,NULL}", columns.counts());
    }

    @Test
    void aLongWindowIsWrittenInStatementsOfAThousandBars() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            bars.add(bar(T0.plusSeconds(i), "1", null, null));
        }
        List<BarColumns> statements = BarColumns.of(bars, BarStore.ROWS_PER_STATEMENT);
        assertEquals(
                List.of(1000, 1000, 500),
                statements.stream().map(c -> c.starts().split(",").length).toList());
        assertTrue(statements.get(2).starts().endsWith("\"2025-11-20T15:11:39Z\"}"));
    }

    @Test
    void aStartTwiceInOneWindowIsStoredOnceAsItsLastBar() {
        List<BarColumns> statements =
                BarColumns.of(
                        List.of(
                                bar(T0, "1", null, null),
                                bar(T0.plusSeconds(60), "2", null, null),
                                bar(T0, "3", null, null)),
                        1000);
        assertEquals(1, statements.size());
        assertEquals("{3,2}", statements.get(0).closes());
    }

    @Test
    void openEndsOfARangeAreInfinite() {
        assertEquals(
                List.of(7L, "1d", "BID", "-infinity", "infinity", 5),
                BarStore.rangeParameters(
                        7, new BarQuery("AAPL", BarSize.DAY_1, WhatToShow.BID, null, null, 5)));
        assertEquals(
                List.of(7L, "1m", "TRADES", "2025-11-20T14:30:00Z", "2025-11-20T15:00:00Z", 1000),
                BarStore.rangeParameters(
                        7,
                        new BarQuery(
                                "AAPL",
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                T0,
                                T0.plusSeconds(1800),
                                1000)));
    }

    @Test
    void aRowReadsBackIntoACheckedBar() {
        StoredBar stored =
                BarStore.row(
                        new Object[] {
                            Timestamp.from(T0),
                            new BigDecimal("189.10000000"),
                            new BigDecimal("189.60000000"),
                            new BigDecimal("189.00000000"),
                            new BigDecimal("189.50000000"),
                            null,
                            null,
                            null,
                            "ibkr",
                            Timestamp.from(FETCHED)
                        });
        assertEquals(T0, stored.bar().start());
        assertEquals(0, new BigDecimal("189.6").compareTo(stored.bar().high()));
        assertNull(stored.bar().count());
        assertEquals("ibkr", stored.source());
        assertEquals(FETCHED, stored.fetchedAt());
    }

    private static int highestPlaceholder(String sql) {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(sql);
        int highest = 0;
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }
}

package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CoverageQuery;
import org.tickerdesk.history.entity.CoverageReport;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.WhatToShow;

/** The JSON of stored history, written by hand for speed, is exactly the documented JSON. */
class HistoryJsonTest {

    private static final Instant T0 = Instant.parse("2025-11-20T14:30:00Z");

    private static StoredBar stored(String open, String volume, Integer count) {
        return new StoredBar(
                new Bar(
                        T0,
                        new BigDecimal(open),
                        new BigDecimal("189.60000000"),
                        new BigDecimal("189.00000000"),
                        new BigDecimal("189.50000000"),
                        volume == null ? null : new BigDecimal(volume),
                        null,
                        count),
                "ibkr",
                Instant.parse("2025-11-20T21:00:05Z"));
    }

    @Test
    void barsCarryTheirSeriesSourceAndFetchTimeWithNullsForWhatIsMissing() {
        assertEquals(
                "[{\"symbol\":\"AAPL\",\"barSize\":\"1m\",\"whatToShow\":\"TRADES\","
                    + "\"start\":\"2025-11-20T14:30:00Z\",\"open\":189.1,\"high\":189.6,"
                    + "\"low\":189,\"close\":189.5,\"volume\":12000,\"wap\":null,"
                    + "\"count\":95,\"source\":\"ibkr\",\"fetchedAt\":\"2025-11-20T21:00:05Z\"}]",
                HistoryJson.bars(
                        new BarQuery("AAPL", BarSize.MIN_1, WhatToShow.TRADES, null, null, 10),
                        List.of(stored("189.10000000", "12000.00000000", 95))));
        assertEquals(
                "[]",
                HistoryJson.bars(
                        new BarQuery("AAPL", BarSize.MIN_1, WhatToShow.TRADES, null, null, 10),
                        List.of()));
    }

    @Test
    void coverageHasTheRangeAsAskedAndEveryGap() {
        CoverageReport report =
                new CoverageReport(
                        2,
                        T0,
                        T0.plusSeconds(3600),
                        List.of(new TimeRange(T0.plusSeconds(60), T0.plusSeconds(3600))),
                        "around the \"clock\"");
        assertEquals(
                "{\"symbol\":\"BTC\",\"barSize\":\"1m\",\"whatToShow\":\"TRADES\","
                        + "\"rthOnly\":false,\"from\":\"2025-11-20T14:30:00Z\",\"to\":null,"
                        + "\"count\":2,\"first\":\"2025-11-20T14:30:00Z\","
                        + "\"last\":\"2025-11-20T15:30:00Z\","
                        + "\"calendar\":\"around the \\\"clock\\\"\",\"gaps\":["
                        + "{\"from\":\"2025-11-20T14:31:00Z\",\"to\":\"2025-11-20T15:30:00Z\"}]}",
                HistoryJson.coverage(
                        new CoverageQuery("BTC", BarSize.MIN_1, WhatToShow.TRADES, T0, null, false),
                        report));
        assertEquals(
                "{\"symbol\":\"BTC\",\"barSize\":\"1d\",\"whatToShow\":\"BID\",\"rthOnly\":true,"
                        + "\"from\":null,\"to\":null,\"count\":0,\"first\":null,\"last\":null,"
                        + "\"calendar\":\"x\",\"gaps\":[]}",
                HistoryJson.coverage(
                        new CoverageQuery("BTC", BarSize.DAY_1, WhatToShow.BID, null, null, true),
                        new CoverageReport(0, null, null, List.of(), "x")));
    }

    @Test
    void textIsEscapedAndNumbersArePlain() {
        assertEquals("\"a\\\"b\\\\c\\u0001\"", HistoryJson.text("a\"b\\c\u0001"));
        assertEquals("100", HistoryJson.number(new BigDecimal("1E+2")));
        assertEquals("0.5", HistoryJson.number(new BigDecimal("0.50000000")));
        assertEquals("null", HistoryJson.number(null));
    }
}

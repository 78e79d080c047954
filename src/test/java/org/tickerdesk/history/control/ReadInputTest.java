package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CandleQuery;
import org.tickerdesk.history.entity.CoverageQuery;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.entity.FieldError;

/** What callers may ask of stored history in a query string, and how the rest is refused. */
class ReadInputTest {

    private static final String LABELS =
            "1s, 5s, 10s, 15s, 30s, 1m, 2m, 3m, 5m, 10m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 8h, 1d, 1w,"
                    + " 1M";

    /** A query string as the container hands it over: each name with its values. */
    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters
                    .computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>())
                    .add(pairs[i + 1]);
        }
        return parameters;
    }

    private static List<FieldError> refused(Runnable read) {
        HistoryFailureException e = assertThrows(HistoryFailureException.class, read::run);
        assertEquals(HistoryFailureException.Kind.INVALID_REQUEST, e.kind());
        assertEquals("invalid_history_request", e.code());
        return e.errors();
    }

    @Test
    void barsNeedABarSizeAndDefaultToTradesOpenEndsAndAThousand() {
        assertEquals(
                new BarQuery("AAPL", BarSize.MIN_1, WhatToShow.TRADES, null, null, 1000),
                ReadInput.bars("AAPL", query("barSize", "1m")));
        assertEquals(
                new BarQuery(
                        "AAPL",
                        BarSize.MONTH_1,
                        WhatToShow.MIDPOINT,
                        Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.ofEpochMilli(1763649000000L),
                        10_000),
                ReadInput.bars(
                        "AAPL",
                        query(
                                "barSize",
                                "1M",
                                "whatToShow",
                                "midpoint",
                                "from",
                                "2025-01-01T00:00:00Z",
                                "to",
                                "1763649000000",
                                "limit",
                                "10000")));
    }

    @Test
    void everyFaultIsNamedAtOnce() {
        List<FieldError> errors =
                refused(
                        () ->
                                ReadInput.bars(
                                        "AAPL",
                                        query(
                                                "barSize",
                                                "1 min",
                                                "whatToShow",
                                                "LAST",
                                                "from",
                                                "yesterday",
                                                "limit",
                                                "0")));
        assertEquals(
                List.of(
                        new FieldError(
                                "barSize", "'1 min' is not a bar size; use one of " + LABELS),
                        new FieldError(
                                "whatToShow",
                                "'LAST' is not a series (whatToShow); use one of TRADES, MIDPOINT,"
                                        + " BID, ASK, BID_ASK"),
                        new FieldError(
                                "from",
                                "'from' 'yesterday' is not an instant; use ISO-8601 such as"
                                        + " 2025-11-20T14:30:00Z or epoch milliseconds such as"
                                        + " 1763649000000"),
                        new FieldError(
                                "limit", "'limit' '0' must be a whole number from 1 to 10000")),
                errors);
    }

    @Test
    void aMissingBarSizeOrIntervalListsTheLabels() {
        assertEquals(
                List.of(new FieldError("barSize", "'barSize' is required: one of " + LABELS)),
                refused(() -> ReadInput.coverage("AAPL", query())));
        assertEquals(
                List.of(new FieldError("interval", "'interval' is required: one of " + LABELS)),
                refused(() -> ReadInput.candles("AAPL", query("interval", " "))));
    }

    @Test
    void anUnknownParameterIsRefusedNotIgnoredAndSoIsOneGivenTwice() {
        assertEquals(
                List.of(
                        new FieldError(
                                "barsize",
                                "'barsize' is not a parameter of /api/v1/bars/{symbol}; use"
                                        + " barSize, whatToShow, from, to, limit"),
                        new FieldError("barSize", "'barSize' is required: one of " + LABELS)),
                refused(() -> ReadInput.bars("AAPL", query("barsize", "1m"))));
        assertEquals(
                List.of(new FieldError("interval", "'interval' is given more than once")),
                refused(
                        () ->
                                ReadInput.candles(
                                        "AAPL", query("interval", "1m", "interval", "1h"))));
        assertEquals(
                "'limit' is not a parameter of /api/v1/bars/{symbol}/coverage; use barSize,"
                        + " whatToShow, from, to, rthOnly",
                refused(() -> ReadInput.coverage("AAPL", query("barSize", "1m", "limit", "5")))
                        .get(0)
                        .message());
    }

    @Test
    void anInvertedOrEmptyRangeIsRefusedOnTo() {
        assertEquals(
                List.of(
                        new FieldError(
                                "to",
                                "'to' (2025-11-20T14:00:00Z) must be after 'from'"
                                        + " (2025-11-20T15:00:00Z)")),
                refused(
                        () ->
                                ReadInput.candles(
                                        "AAPL",
                                        query(
                                                "interval",
                                                "1m",
                                                "from",
                                                "2025-11-20T15:00:00Z",
                                                "to",
                                                "2025-11-20T14:00:00Z"))));
        assertEquals(
                "to",
                refused(
                                () ->
                                        ReadInput.coverage(
                                                "AAPL",
                                                query(
                                                        "barSize", "1d", "from", "1000", "to",
                                                        "1000")))
                        .get(0)
                        .field());
    }

    @Test
    void coverageIsOfAllTradingHoursUnlessRegularHoursOnlyIsAsked() {
        CoverageQuery all = ReadInput.coverage("AAPL", query("barSize", "1m"));
        assertFalse(all.regularHoursOnly());
        assertNull(all.from());
        assertTrue(
                ReadInput.coverage("AAPL", query("barSize", "1m", "rthOnly", "true"))
                        .regularHoursOnly());
        assertEquals(
                List.of(new FieldError("rthOnly", "'rthOnly' 'yes' must be true or false")),
                refused(
                        () ->
                                ReadInput.coverage(
                                        "AAPL", query("barSize", "1m", "rthOnly", "yes"))));
    }

    @Test
    void candlesWithoutFromAreTheLatestBeforeTo() {
        CandleQuery latest =
                ReadInput.candles("AAPL", query("interval", "5m", "to", "1763649000000"));
        assertTrue(latest.latest());
        assertEquals(Instant.parse("2025-11-20T14:30:00Z"), latest.to());
        assertEquals(1000, latest.limit());
        assertFalse(
                ReadInput.candles("AAPL", query("interval", "5m", "from", "0", "limit", "5"))
                        .latest());
    }
}

package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.Lookback;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.history.entity.WindowRequest;

/** What a caller types is taken with its defaults, or refused with every reason at once. */
class HistoryInputTest {

    private static final Instant NOW = Instant.parse("2025-11-20T21:00:00Z");

    private static List<String> reasons(Runnable input) {
        HistoryFailureException failure = assertThrows(HistoryFailureException.class, input::run);
        assertEquals(HistoryFailureException.Kind.INVALID_REQUEST, failure.kind());
        assertEquals(String.join("; ", failure.reasons()), failure.getMessage());
        return failure.reasons();
    }

    @Test
    void aWindowEndsNowShowsTradesWithinRegularHoursUnlessToldOtherwise() {
        WindowRequest request = HistoryInput.window("aapl", "1 min", "1 D", null, null, null, NOW);
        assertEquals(
                new WindowRequest(
                        "AAPL",
                        BarSize.MIN_1,
                        new Lookback(1, Lookback.Unit.D),
                        NOW,
                        WhatToShow.TRADES,
                        true),
                request);
        WindowRequest told =
                HistoryInput.window(
                        "ESZ6",
                        "1 day",
                        "2 W",
                        "2025-11-19T16:00:00-05:00",
                        "bid_ask",
                        "false",
                        NOW);
        assertEquals(Instant.parse("2025-11-19T21:00:00Z"), told.end());
        assertEquals(WhatToShow.BID_ASK, told.whatToShow());
        assertEquals(false, told.regularHoursOnly());
        assertEquals(BarSize.DAY_1, told.barSize());
    }

    @Test
    void blankFieldsTakeTheirDefaults() {
        WindowRequest request = HistoryInput.window("AAPL", "5 secs", "3600 S", " ", "", " ", NOW);
        assertEquals(NOW, request.end());
        assertEquals(WhatToShow.TRADES, request.whatToShow());
        assertTrue(request.regularHoursOnly());
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        assertEquals(
                List.of(
                        "'symbol' is required, e.g. \"AAPL\"",
                        "'barSize' is required, e.g. \"1 min\" or \"1 day\"",
                        "'duration' is required, e.g. \"1 D\" or \"2 W\""),
                reasons(() -> HistoryInput.window(null, "", null, null, null, null, NOW)));
    }

    @Test
    void everyWrongValueIsNamedAtOnce() {
        List<String> reasons =
                reasons(
                        () ->
                                HistoryInput.window(
                                        "AAPL X",
                                        "1 minute",
                                        "1 d",
                                        "yesterday",
                                        "LAST",
                                        "yes",
                                        NOW));
        assertEquals(6, reasons.size(), reasons.toString());
        assertEquals("'AAPL X' is not a symbol (e.g. AAPL, BRK.B, ESZ6)", reasons.get(0));
        assertTrue(reasons.get(1).startsWith("'1 minute' is not a bar size"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("'1 d' is not a duration"), reasons.get(2));
        assertEquals(
                "'end' 'yesterday' is not an instant; use ISO-8601 such as 2025-11-20T21:00:00Z",
                reasons.get(3));
        assertTrue(reasons.get(4).startsWith("'LAST' is not a series"), reasons.get(4));
        assertEquals("'useRth' 'yes' must be true or false", reasons.get(5));
    }

    @Test
    void aWindowCannotEndInTheFuture() {
        assertEquals(
                List.of(
                        "'end' 2025-11-20T21:00:01Z is in the future; leave it out to end the"
                                + " window now"),
                reasons(
                        () ->
                                HistoryInput.window(
                                        "AAPL",
                                        "1 min",
                                        "1 D",
                                        "2025-11-20T21:00:01Z",
                                        null,
                                        null,
                                        NOW)));
    }

    @Test
    void storedBarsAreReadAThousandAtATimeFromTheFirstUnlessToldOtherwise() {
        BarQuery query = HistoryInput.bars("aapl", "1 min", null, null, null, null);
        assertEquals(
                new BarQuery("AAPL", BarSize.MIN_1, WhatToShow.TRADES, null, null, 1000), query);
        BarQuery told =
                HistoryInput.bars(
                        "AAPL",
                        "1 day",
                        "MIDPOINT",
                        "2025-11-01T00:00:00Z",
                        "2025-11-21T00:00:00Z",
                        "10000");
        assertEquals(Instant.parse("2025-11-01T00:00:00Z"), told.from());
        assertEquals(10000, told.limit());
        assertNull(
                HistoryInput.bars("AAPL", "1 day", null, null, "2025-11-21T00:00:00Z", null)
                        .from());
    }

    @Test
    void aBarQueryIsRefusedWithItsReasons() {
        assertEquals(
                List.of(
                        "'barSize' is required, e.g. \"1 min\" or \"1 day\"",
                        "'from' 'Nov 1' is not an instant; use ISO-8601 such as"
                                + " 2025-11-20T21:00:00Z",
                        "'limit' '0' must be a whole number from 1 to 10000"),
                reasons(() -> HistoryInput.bars("AAPL", null, null, "Nov 1", null, "0")));
        assertEquals(
                List.of("'limit' 'all' must be a whole number from 1 to 10000"),
                reasons(() -> HistoryInput.bars("AAPL", "1 min", null, null, null, "all")));
        assertEquals(
                List.of("'from' must be before 'to'"),
                reasons(
                        () ->
                                HistoryInput.bars(
                                        "AAPL",
                                        "1 min",
                                        null,
                                        "2025-11-21T00:00:00Z",
                                        "2025-11-21T00:00:00Z",
                                        null)));
    }
}

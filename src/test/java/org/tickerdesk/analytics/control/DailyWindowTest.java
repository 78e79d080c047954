package org.tickerdesk.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.analytics.entity.DailyStats;
import org.tickerdesk.analytics.entity.Trade;

/** Rolling 24-hour statistics from trades in minute buckets. */
class DailyWindowTest {

    private static final double EXACT = 1e-9;

    private final DailyWindow window = new DailyWindow();

    private void trade(String at, double price, long size) {
        Instant when = Instant.parse(at);
        window.accept(
                new Trade(
                        "AAPL",
                        price,
                        size,
                        when.getEpochSecond() * 1_000_000 + when.getNano() / 1000,
                        false));
    }

    @Test
    void withinTheFirstDayTheOpenIsTheFirstTradeSeen() {
        trade("2025-11-20T10:00:05Z", 100, 100);
        trade("2025-11-20T10:00:30Z", 104, 300);
        trade("2025-11-20T12:00:00Z", 98, 100);
        trade("2025-11-20T13:59:00Z", 102, 500);

        DailyStats stats =
                window.stats("AAPL", Instant.parse("2025-11-20T14:00:00Z")).orElseThrow();

        assertEquals(100, stats.open());
        assertEquals(104, stats.high());
        assertEquals(98, stats.low());
        assertEquals(102, stats.last());
        assertEquals(1000, stats.volume());
        assertEquals(4, stats.trades());
        assertEquals(2, stats.change(), EXACT); // 102 - 100
        assertEquals(2, stats.changePercent(), EXACT); // 2 / 100 * 100
        // (100 * 100 + 104 * 300 + 98 * 100 + 102 * 500) / 1000 = (10000 + 31200 + 9800 + 51000)
        // / 1000 = 102
        assertEquals(102, stats.vwap(), EXACT);
        assertEquals(Instant.parse("2025-11-19T14:00:00Z"), stats.from());
    }

    @Test
    void afterADayTheOpenIsThePrice24HoursAgoAndOlderTradesLeaveTheWindow() {
        trade("2025-11-20T09:00:00Z", 90, 100);
        trade("2025-11-20T13:58:10Z", 100, 100);
        trade("2025-11-20T13:58:50Z", 110, 100);
        trade("2025-11-20T14:30:00Z", 120, 200);
        trade("2025-11-21T13:59:00Z", 99, 100);

        // now 2025-11-21T13:59:30: the window is the minutes 2025-11-20T14:00 to 2025-11-21T13:59;
        // the price then is the close of 13:58 the day before, 110
        DailyStats stats =
                window.stats("AAPL", Instant.parse("2025-11-21T13:59:30Z")).orElseThrow();

        assertEquals(110, stats.open());
        assertEquals(120, stats.high());
        assertEquals(99, stats.low());
        assertEquals(99, stats.last());
        assertEquals(300, stats.volume()); // 200 + 100
        assertEquals(-11, stats.change(), EXACT); // 99 - 110
        assertEquals(-10, stats.changePercent(), EXACT); // -11 / 110 * 100
        // (120 * 200 + 99 * 100) / 300 = (24000 + 9900) / 300 = 113
        assertEquals(113, stats.vwap(), EXACT);
    }

    @Test
    void nothingInTheLastDayIsNoStatistics() {
        trade("2025-11-20T09:00:00Z", 90, 100);

        assertTrue(window.stats("AAPL", Instant.parse("2025-11-21T09:00:00Z")).isEmpty());
        assertTrue(window.stats("MSFT", Instant.parse("2025-11-21T09:00:00Z")).isEmpty());
    }

    @Test
    void aLateTradeCountsInItsMinuteWithoutMovingTheClose() {
        trade("2025-11-20T10:00:30Z", 100, 100);
        trade("2025-11-20T10:01:30Z", 101, 100);
        trade("2025-11-20T10:01:10Z", 105, 100);

        DailyStats stats =
                window.stats("AAPL", Instant.parse("2025-11-20T10:02:00Z")).orElseThrow();

        assertEquals(105, stats.high());
        assertEquals(101, stats.last(), "10:01:30 is the latest trade");
        assertEquals(300, stats.volume());
    }

    @Test
    void midpointsHaveNoVwap() {
        window.accept(new Trade("EURUSD", 1.0851, 0, 1_763_632_800_000_000L, true));

        DailyStats stats =
                window.stats("EURUSD", Instant.ofEpochSecond(1_763_632_860L)).orElseThrow();

        assertEquals(0, stats.volume());
        assertTrue(Double.isNaN(stats.vwap()));
    }
}

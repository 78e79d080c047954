package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.TimeRange;

/**
 * How a collection's stretches become request windows, and where "up to now" ends: the start of the
 * bar still forming.
 */
class WindowPlanTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static TimeRange range(String from, String to) {
        return new TimeRange(at(from), at(to));
    }

    @Test
    void aStretchIsCutIntoWindowsOfTheLongestOldestFirstTheLastOneShorter() {
        // 10 hours in windows of at most 4: 00-04, 04-08, then the 2 hours left.
        assertEquals(
                List.of(
                        range("2024-01-02T00:00:00Z", "2024-01-02T04:00:00Z"),
                        range("2024-01-02T04:00:00Z", "2024-01-02T08:00:00Z"),
                        range("2024-01-02T08:00:00Z", "2024-01-02T10:00:00Z")),
                WindowPlan.windows(
                        List.of(range("2024-01-02T00:00:00Z", "2024-01-02T10:00:00Z")),
                        Duration.ofHours(4)));
    }

    @Test
    void aStretchOfWholeWindowsEndsWithAFullWindowAndNoEmptyOne() {
        assertEquals(
                List.of(
                        range("2024-01-02T00:00:00Z", "2024-01-02T04:00:00Z"),
                        range("2024-01-02T04:00:00Z", "2024-01-02T08:00:00Z")),
                WindowPlan.windows(
                        List.of(range("2024-01-02T00:00:00Z", "2024-01-02T08:00:00Z")),
                        Duration.ofHours(4)));
    }

    @Test
    void aStretchShorterThanTheLongestIsOneWindowOfItself() {
        assertEquals(
                List.of(range("2024-01-02T14:30:00Z", "2024-01-02T21:00:00Z")),
                WindowPlan.windows(
                        List.of(range("2024-01-02T14:30:00Z", "2024-01-02T21:00:00Z")),
                        Duration.ofDays(1)));
    }

    @Test
    void severalStretchesAreCutEachInTurnAndNoWindowSpansTheGapBetweenThem() {
        // Two gaps of one instrument: five hours on the 2nd, two on the 3rd, windows of two hours.
        assertEquals(
                List.of(
                        range("2024-01-02T00:00:00Z", "2024-01-02T02:00:00Z"),
                        range("2024-01-02T02:00:00Z", "2024-01-02T04:00:00Z"),
                        range("2024-01-02T04:00:00Z", "2024-01-02T05:00:00Z"),
                        range("2024-01-03T00:00:00Z", "2024-01-03T02:00:00Z")),
                WindowPlan.windows(
                        List.of(
                                range("2024-01-02T00:00:00Z", "2024-01-02T05:00:00Z"),
                                range("2024-01-03T00:00:00Z", "2024-01-03T02:00:00Z")),
                        Duration.ofHours(2)));
    }

    @Test
    void eachWindowStartsWhereThePreviousEndedSoItsEndIsTheNextCursor() {
        // A year of minute bars in IBKR-like windows of one day: 366 days in 2024, a leap year.
        List<TimeRange> windows =
                WindowPlan.windows(
                        List.of(range("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")),
                        Duration.ofDays(1));
        assertEquals(366, windows.size());
        assertEquals(at("2024-01-01T00:00:00Z"), windows.get(0).from());
        assertEquals(at("2025-01-01T00:00:00Z"), windows.get(365).to());
        for (int i = 1; i < windows.size(); i++) {
            assertEquals(windows.get(i - 1).to(), windows.get(i).from(), "window " + i);
        }
    }

    @Test
    void aWindowNeverExceedsTheSourcesLongest() {
        Duration longest = Duration.ofMinutes(7);
        List<TimeRange> windows =
                WindowPlan.windows(
                        List.of(
                                range("2024-01-02T00:00:00Z", "2024-01-02T01:00:00Z"),
                                range("2024-01-02T03:00:13Z", "2024-01-02T03:09:00Z")),
                        longest);
        // 60 minutes: 8 windows of 7 and one of 4; 8 minutes 47 seconds: one of 7, one of 1:47.
        assertEquals(11, windows.size());
        for (TimeRange window : windows) {
            assertTrue(window.length().compareTo(longest) <= 0, window::toString);
        }
        assertEquals(range("2024-01-02T00:56:00Z", "2024-01-02T01:00:00Z"), windows.get(8));
        assertEquals(range("2024-01-02T03:07:13Z", "2024-01-02T03:09:00Z"), windows.get(10));
    }

    @Test
    void noStretchesAreNoWindows() {
        assertEquals(List.of(), WindowPlan.windows(List.of(), Duration.ofHours(1)));
    }

    @Test
    void aZeroOrNegativeLongestIsRefusedRatherThanLoopingForever() {
        List<TimeRange> day = List.of(range("2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.windows(day, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> WindowPlan.windows(day, Duration.ofSeconds(-1)));
        assertThrows(
                IllegalArgumentException.class, () -> WindowPlan.windows(List.of(), Duration.ZERO));
    }

    @Test
    void upToNowIsTheStartOfTheIntradayBarStillForming() {
        Instant now = at("2024-03-05T14:37:42.500Z");
        assertEquals(at("2024-03-05T14:37:42Z"), WindowPlan.upToNow(BarSize.SEC_1, now));
        assertEquals(at("2024-03-05T14:37:30Z"), WindowPlan.upToNow(BarSize.SEC_15, now));
        assertEquals(at("2024-03-05T14:37:00Z"), WindowPlan.upToNow(BarSize.MIN_1, now));
        assertEquals(at("2024-03-05T14:35:00Z"), WindowPlan.upToNow(BarSize.MIN_5, now));
        assertEquals(at("2024-03-05T14:20:00Z"), WindowPlan.upToNow(BarSize.MIN_20, now));
        assertEquals(at("2024-03-05T14:00:00Z"), WindowPlan.upToNow(BarSize.HOUR_1, now));
    }

    @Test
    void multiHourBarsAreAlignedToTheEpochNotToTheHourOfNow() {
        // Since 1970-01-01T00:00Z: 3-hour bars start at 0, 3, ..., 12, 15; 4-hour ones at 0, 4,
        // ..., 12, 16; 8-hour ones at 0, 8, 16.
        Instant now = at("2024-03-05T14:37:42Z");
        assertEquals(at("2024-03-05T12:00:00Z"), WindowPlan.upToNow(BarSize.HOUR_3, now));
        assertEquals(at("2024-03-05T12:00:00Z"), WindowPlan.upToNow(BarSize.HOUR_4, now));
        assertEquals(at("2024-03-05T08:00:00Z"), WindowPlan.upToNow(BarSize.HOUR_8, now));
        assertEquals(
                at("2024-03-05T16:00:00Z"),
                WindowPlan.upToNow(BarSize.HOUR_8, at("2024-03-05T23:59:59Z")));
    }

    @Test
    void onABarBoundaryTheBarStartingNowIsStillForming() {
        Instant now = at("2024-03-05T14:35:00Z");
        assertEquals(now, WindowPlan.upToNow(BarSize.MIN_5, now));
        assertEquals(now, WindowPlan.upToNow(BarSize.MIN_1, now));
    }

    @Test
    void dailyAndLongerBarsEndAtTheStartOfTodayInUtc() {
        Instant now = at("2024-03-05T23:59:59.999Z");
        Instant today = at("2024-03-05T00:00:00Z");
        assertEquals(today, WindowPlan.upToNow(BarSize.DAY_1, now));
        assertEquals(today, WindowPlan.upToNow(BarSize.WEEK_1, now));
        assertEquals(today, WindowPlan.upToNow(BarSize.MONTH_1, now));
        assertEquals(today, WindowPlan.upToNow(BarSize.DAY_1, today));
    }

    @Test
    void beforeTheEpochTheBoundaryIsStillTheOneBeforeNow() {
        assertEquals(
                at("1969-12-31T23:59:00Z"),
                WindowPlan.upToNow(BarSize.MIN_1, at("1969-12-31T23:59:30Z")));
        assertEquals(
                at("1969-12-31T00:00:00Z"),
                WindowPlan.upToNow(BarSize.DAY_1, at("1969-12-31T12:00:00Z")));
    }
}

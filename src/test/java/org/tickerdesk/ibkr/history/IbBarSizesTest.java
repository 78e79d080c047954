package org.tickerdesk.ibkr.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;

/**
 * How IB spells each bar size, how long a window one request may cover at each, and the duration
 * that reaches back over a window.
 */
class IbBarSizesTest {

    @Test
    void everyBarSizeHasIbsSpelling() {
        assertEquals(
                List.of(
                        "1 secs", "5 secs", "10 secs", "15 secs", "30 secs", "1 min", "2 mins",
                        "3 mins", "5 mins", "10 mins", "15 mins", "20 mins", "30 mins", "1 hour",
                        "2 hours", "3 hours", "4 hours", "8 hours", "1 day", "1 week", "1 month"),
                Arrays.stream(BarSize.values()).map(IbBarSizes::spelling).toList());
    }

    @Test
    void theLongestWindowsFollowIbsTableOfLimitations() {
        assertEquals(Duration.ofMinutes(30), IbBarSizes.longestWindow(BarSize.SEC_1));
        assertEquals(Duration.ofHours(1), IbBarSizes.longestWindow(BarSize.SEC_5));
        assertEquals(Duration.ofHours(4), IbBarSizes.longestWindow(BarSize.SEC_10));
        assertEquals(Duration.ofHours(4), IbBarSizes.longestWindow(BarSize.SEC_15));
        assertEquals(Duration.ofHours(8), IbBarSizes.longestWindow(BarSize.SEC_30));
        assertEquals(Duration.ofDays(1), IbBarSizes.longestWindow(BarSize.MIN_1));
        assertEquals(Duration.ofDays(2), IbBarSizes.longestWindow(BarSize.MIN_2));
        for (BarSize size :
                List.of(
                        BarSize.MIN_3,
                        BarSize.MIN_5,
                        BarSize.MIN_10,
                        BarSize.MIN_15,
                        BarSize.MIN_20)) {
            assertEquals(Duration.ofDays(7), IbBarSizes.longestWindow(size), size.label());
        }
        for (BarSize size :
                List.of(
                        BarSize.MIN_30,
                        BarSize.HOUR_1,
                        BarSize.HOUR_2,
                        BarSize.HOUR_3,
                        BarSize.HOUR_4,
                        BarSize.HOUR_8)) {
            assertEquals(Duration.ofDays(30), IbBarSizes.longestWindow(size), size.label());
        }
        for (BarSize size : List.of(BarSize.DAY_1, BarSize.WEEK_1, BarSize.MONTH_1)) {
            assertEquals(Duration.ofDays(365), IbBarSizes.longestWindow(size), size.label());
        }
    }

    @Test
    void aSpanUpToADayIsAskedForInSeconds() {
        assertEquals(new Lookback(1, Lookback.Unit.S), IbBarSizes.lookback(Duration.ofMillis(1)));
        assertEquals(new Lookback(60, Lookback.Unit.S), IbBarSizes.lookback(Duration.ofMinutes(1)));
        assertEquals(
                new Lookback(61, Lookback.Unit.S),
                IbBarSizes.lookback(Duration.ofSeconds(60).plusMillis(1)),
                "a part of a second still has to be reached");
        assertEquals(
                new Lookback(86_400, Lookback.Unit.S), IbBarSizes.lookback(Duration.ofDays(1)));
    }

    @Test
    void aSpanBeyondADayIsAskedForInWholeDaysUpToAYear() {
        assertEquals(
                new Lookback(2, Lookback.Unit.D),
                IbBarSizes.lookback(Duration.ofDays(1).plusSeconds(1)));
        assertEquals(new Lookback(7, Lookback.Unit.D), IbBarSizes.lookback(Duration.ofDays(7)));
        assertEquals(
                new Lookback(8, Lookback.Unit.D),
                IbBarSizes.lookback(Duration.ofDays(7).plusHours(1)));
        assertEquals(new Lookback(364, Lookback.Unit.D), IbBarSizes.lookback(Duration.ofDays(364)));
    }

    @Test
    void aYearIsOneY() {
        assertEquals("1 Y", IbBarSizes.lookback(Duration.ofDays(365)).label());
        assertEquals(
                "1 Y",
                IbBarSizes.lookback(Duration.ofDays(364).plusHours(1)).label(),
                "365 days, rounded up, are a year");
        assertEquals("2 Y", IbBarSizes.lookback(Duration.ofDays(366)).label());
    }

    @Test
    void theLongestWindowOfEverySizeIsReachedByOneRequest() {
        for (BarSize size : BarSize.values()) {
            Lookback lookback = IbBarSizes.lookback(IbBarSizes.longestWindow(size));
            Duration reach =
                    switch (lookback.unit()) {
                        case S -> Duration.ofSeconds(lookback.amount());
                        case D -> Duration.ofDays(lookback.amount());
                        case Y -> Duration.ofDays(365L * lookback.amount());
                        default -> Duration.ZERO;
                    };
            assertEquals(IbBarSizes.longestWindow(size), reach, size.label());
        }
    }
}

package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;

/** The simulated market's history: the same bars however asked, aligned, possible and plausible. */
class SimulatedHistoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final SimulatedHistory history = new SimulatedHistory(42);

    private static HistoryWindow window(
            String symbol, BarSize size, WhatToShow series, String from, String to) {
        return new HistoryWindow(
                Contract.stock(symbol, "SMART"),
                size,
                Instant.parse(from),
                Instant.parse(to),
                series,
                true,
                null);
    }

    private static HistoryWindow window(BarSize size, String from, String to) {
        return window("AAPL", size, WhatToShow.TRADES, from, to);
    }

    private List<Bar> bars(SimulatedHistory source, HistoryWindow window) {
        return source.bars(window, TIMEOUT).bars();
    }

    private List<Bar> bars(HistoryWindow window) {
        return bars(history, window);
    }

    private List<Instant> starts(HistoryWindow window) {
        return bars(window).stream().map(Bar::start).toList();
    }

    @Test
    void aRangeInOtherWindowsIsTheSameBars() {
        List<Bar> whole =
                bars(window(BarSize.MIN_1, "2024-03-01T00:00:00Z", "2024-03-04T00:00:00Z"));
        List<String> cuts =
                List.of(
                        "2024-03-01T00:00:00Z",
                        "2024-03-01T10:17:30Z",
                        "2024-03-01T10:18:00Z",
                        "2024-03-02T23:59:59.5Z",
                        "2024-03-03T07:00:00Z",
                        "2024-03-04T00:00:00Z");
        List<Bar> pieces = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            pieces.addAll(bars(window(BarSize.MIN_1, cuts.get(i), cuts.get(i + 1))));
        }
        assertEquals(3 * 24 * 60, whole.size());
        assertEquals(whole, pieces);
    }

    @Test
    void theSameSeedGivesTheSameBarsTwiceAndAfterARestart() {
        HistoryWindow window =
                window(
                        "MSFT",
                        BarSize.MIN_5,
                        WhatToShow.BID_ASK,
                        "2023-07-03T12:00:00Z",
                        "2023-07-04T12:00:00Z");
        List<Bar> first = bars(window);
        assertEquals(first, bars(window));
        assertEquals(
                first,
                bars(new SimulatedHistory(42), window),
                "a new instance, as after a restart");
        assertNotEquals(
                first, bars(new SimulatedHistory(43), window), "another seed, another market");
    }

    @Test
    void eachSymbolSeriesAndSizeIsASeriesOfItsOwn() {
        String from = "2024-03-01T00:00:00Z";
        String to = "2024-03-01T01:00:00Z";
        List<Bar> aapl = bars(window("AAPL", BarSize.MIN_1, WhatToShow.TRADES, from, to));
        assertNotEquals(aapl, bars(window("MSFT", BarSize.MIN_1, WhatToShow.TRADES, from, to)));
        assertNotEquals(aapl, bars(window("AAPL", BarSize.MIN_1, WhatToShow.MIDPOINT, from, to)));
    }

    @Test
    void theBarsOfSeed42DoNotChangeBetweenVersions() {
        // A restarted collection stores the bars of the version it runs on next to those already
        // stored: a change here would mix two markets in one series.
        Bar bar =
                bars(window(BarSize.DAY_1, "2024-03-01T00:00:00Z", "2024-03-02T00:00:00Z")).get(0);
        assertEquals(
                new Bar(
                        Instant.parse("2024-03-01T00:00:00Z"),
                        new BigDecimal("185.5591"),
                        new BigDecimal("188.0180"),
                        new BigDecimal("182.0986"),
                        new BigDecimal("183.4617"),
                        new BigDecimal("3952629"),
                        new BigDecimal("185.5308"),
                        22988),
                bar);
    }

    @Test
    void aWindowHoldsTheBarsStartingFromItsStartToBeforeItsEnd() {
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T10:00:00Z"),
                        Instant.parse("2024-03-01T10:01:00Z"),
                        Instant.parse("2024-03-01T10:02:00Z"),
                        Instant.parse("2024-03-01T10:03:00Z"),
                        Instant.parse("2024-03-01T10:04:00Z")),
                starts(window(BarSize.MIN_1, "2024-03-01T10:00:00Z", "2024-03-01T10:05:00Z")));
        assertEquals(
                List.of(),
                starts(window(BarSize.MIN_1, "2024-03-01T10:00:01Z", "2024-03-01T10:01:00Z")),
                "no bar starts inside");
    }

    @Test
    void intradayBarsAreAlignedToTheirLengthSinceTheEpoch() {
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T10:18:00Z"),
                        Instant.parse("2024-03-01T10:19:00Z"),
                        Instant.parse("2024-03-01T10:20:00Z"),
                        Instant.parse("2024-03-01T10:21:00Z")),
                starts(window(BarSize.MIN_1, "2024-03-01T10:17:30Z", "2024-03-01T10:22:00Z")));
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T10:30:00Z"),
                        Instant.parse("2024-03-01T10:45:00Z")),
                starts(window(BarSize.MIN_15, "2024-03-01T10:17:30Z", "2024-03-01T10:50:00Z")));
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T04:00:00Z"),
                        Instant.parse("2024-03-01T08:00:00Z"),
                        Instant.parse("2024-03-01T12:00:00Z")),
                starts(window(BarSize.HOUR_4, "2024-03-01T01:00:00Z", "2024-03-01T13:00:00Z")));
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T10:17:35Z"),
                        Instant.parse("2024-03-01T10:17:40Z")),
                starts(window(BarSize.SEC_5, "2024-03-01T10:17:30.001Z", "2024-03-01T10:17:41Z")));
    }

    @Test
    void daysStartAtMidnightUtcWeeksOnMondayAndMonthsOnTheFirst() {
        assertEquals(
                List.of(
                        Instant.parse("2024-02-29T00:00:00Z"),
                        Instant.parse("2024-03-01T00:00:00Z"),
                        Instant.parse("2024-03-02T00:00:00Z")),
                starts(window(BarSize.DAY_1, "2024-02-28T00:00:01Z", "2024-03-02T00:00:01Z")));
        assertEquals(
                List.of(
                        Instant.parse("2024-03-04T00:00:00Z"),
                        Instant.parse("2024-03-11T00:00:00Z"),
                        Instant.parse("2024-03-18T00:00:00Z"),
                        Instant.parse("2024-03-25T00:00:00Z")),
                starts(window(BarSize.WEEK_1, "2024-03-01T00:00:00Z", "2024-03-31T00:00:00Z")),
                "1 March 2024 was a Friday");
        assertEquals(
                List.of(
                        Instant.parse("2024-02-01T00:00:00Z"),
                        Instant.parse("2024-03-01T00:00:00Z"),
                        Instant.parse("2024-04-01T00:00:00Z"),
                        Instant.parse("2024-05-01T00:00:00Z")),
                starts(window(BarSize.MONTH_1, "2024-01-15T00:00:00Z", "2024-06-01T00:00:00Z")));
        assertEquals(
                List.of(Instant.parse("2024-01-01T00:00:00Z")),
                starts(window(BarSize.MONTH_1, "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z")));
    }

    @ParameterizedTest
    @EnumSource(WhatToShow.class)
    void everyBarIsPossibleAndPlausible(WhatToShow series) {
        for (BarSize size : List.of(BarSize.SEC_1, BarSize.MIN_1, BarSize.HOUR_1, BarSize.DAY_1)) {
            Instant from = Instant.parse("2020-01-01T00:00:00Z");
            Instant to =
                    from.plus(size.length().multipliedBy(SimulatedHistory.LONGEST_WINDOW_BARS));
            List<Bar> bars =
                    bars(
                            new HistoryWindow(
                                    Contract.stock("NVDA", "SMART"),
                                    size,
                                    from,
                                    to,
                                    series,
                                    false,
                                    null));
            assertEquals(SimulatedHistory.LONGEST_WINDOW_BARS, bars.size(), size.label());
            BigDecimal lowest = bars.get(0).low();
            BigDecimal highest = bars.get(0).high();
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                String where = size.label() + " " + series + " " + bar;
                assertTrue(bar.low().signum() > 0, where);
                assertTrue(bar.low().compareTo(bar.open()) <= 0, where);
                assertTrue(bar.low().compareTo(bar.close()) <= 0, where);
                assertTrue(bar.high().compareTo(bar.open()) >= 0, where);
                assertTrue(bar.high().compareTo(bar.close()) >= 0, where);
                assertEquals(4, bar.open().scale(), where);
                if (series == WhatToShow.TRADES) {
                    assertTrue(bar.volume().signum() > 0, where);
                    assertTrue(bar.wap().compareTo(bar.low()) >= 0, where);
                    assertTrue(bar.wap().compareTo(bar.high()) <= 0, where);
                    assertTrue(bar.count() >= 1, where);
                    if (i > 0) {
                        assertEquals(
                                bars.get(i - 1).close(), bar.open(), "opens where the last closed");
                    }
                } else {
                    assertNull(bar.volume(), where);
                    assertNull(bar.wap(), where);
                    assertNull(bar.count(), where);
                }
                lowest = lowest.min(bar.low());
                highest = highest.max(bar.high());
            }
            assertTrue(
                    highest.compareTo(lowest.multiply(BigDecimal.valueOf(4))) < 0,
                    "a wander, not a crash: " + lowest + " to " + highest + " in " + size.label());
        }
    }

    @Test
    void theBidIsBelowTheAskAndAnHourOpensWhereItsFirstMinuteDoes() {
        String from = "2024-03-01T10:00:00Z";
        String to = "2024-03-01T11:00:00Z";
        Bar bid = bars(window("AAPL", BarSize.HOUR_1, WhatToShow.BID, from, to)).get(0);
        Bar ask = bars(window("AAPL", BarSize.HOUR_1, WhatToShow.ASK, from, to)).get(0);
        assertTrue(bid.open().compareTo(ask.open()) < 0, bid + " " + ask);
        assertTrue(bid.close().compareTo(ask.close()) < 0, bid + " " + ask);
        Bar hour = bars(window(BarSize.HOUR_1, from, to)).get(0);
        List<Bar> minutes = bars(window(BarSize.MIN_1, from, to));
        assertEquals(hour.open(), minutes.get(0).open());
        assertEquals(hour.close(), minutes.get(59).close());
    }

    @Test
    void itServesEverySizeAndSeriesTenThousandBarsAWindow() {
        assertEquals(HistorySourceName.SIMULATED, history.name());
        for (BarSize size : BarSize.values()) {
            assertEquals(
                    size.length().multipliedBy(10_000), history.longestWindow(size).orElseThrow());
        }
        for (WhatToShow series : WhatToShow.values()) {
            assertTrue(history.serves(series));
        }
        assertEquals(4, history.parallelism());
    }

    @Test
    void aLongerWindowIsRefusedNotCutShort() {
        HistoryFailureException failure =
                assertThrows(
                        HistoryFailureException.class,
                        () ->
                                bars(
                                        window(
                                                BarSize.SEC_1,
                                                "2024-03-01T00:00:00Z",
                                                "2024-03-02T00:00:00Z")));
        assertEquals(Kind.REFUSED, failure.kind());
        assertTrue(failure.getMessage().contains("at most 10000 bars"), failure.getMessage());
    }
}

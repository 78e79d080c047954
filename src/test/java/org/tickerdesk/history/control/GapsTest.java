package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tickerdesk.history.control.TradingSessionsTest.AAPL;
import static org.tickerdesk.history.control.TradingSessionsTest.BTC;
import static org.tickerdesk.history.control.TradingSessionsTest.ES;
import static org.tickerdesk.history.control.TradingSessionsTest.EURUSD;
import static org.tickerdesk.history.control.TradingSessionsTest.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SeriesSpan;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.instruments.entity.InstrumentDetails;

/**
 * Gaps worked out by hand: what is stored is given as the span the database would answer (count,
 * first, last and the holes longer than one bar), the sessions come from {@link TradingSessions}.
 * New York is UTC-5 in late November: 09:30 is 14:30Z, 13:00 is 18:00Z, 16:00 is 21:00Z.
 */
class GapsTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static List<TimeRange> intraday(
            TradingSessions sessions, SeriesSpan span, TimeRange range, BarSize size) {
        return Gaps.intraday(span, range, sessions.overlapping(range), size);
    }

    @Test
    void aWeekOfAUsStockWithThanksgivingMissesOnlyTuesdayAndTheEndOfFriday() {
        // Stored: Monday's and Wednesday's whole sessions, Friday's (an early close at 13:00) up to
        // 11:59; nothing on Tuesday, and Thursday is Thanksgiving.
        SeriesSpan span =
                new SeriesSpan(
                        390 + 390 + 150,
                        at("2025-11-24T14:30:00Z"),
                        at("2025-11-28T16:59:00Z"),
                        List.of(
                                hours("2025-11-24T21:00:00Z", "2025-11-26T14:30:00Z"),
                                hours("2025-11-26T21:00:00Z", "2025-11-28T14:30:00Z")));
        TimeRange week = hours("2025-11-24T00:00:00Z", "2025-11-29T00:00:00Z");

        assertEquals(
                List.of(
                        hours("2025-11-25T14:30:00Z", "2025-11-25T21:00:00Z"),
                        hours("2025-11-28T17:00:00Z", "2025-11-28T18:00:00Z")),
                intraday(TradingSessions.of(AAPL, null, true), span, week, BarSize.MIN_1));

        // With extended hours (04:00-20:00, 17:00 on the early close) every pre- and after-market
        // is missing too, each session's stretch one gap.
        assertEquals(
                List.of(
                        hours("2025-11-24T09:00:00Z", "2025-11-24T14:30:00Z"),
                        hours("2025-11-24T21:00:00Z", "2025-11-25T01:00:00Z"),
                        hours("2025-11-25T09:00:00Z", "2025-11-26T01:00:00Z"),
                        hours("2025-11-26T09:00:00Z", "2025-11-26T14:30:00Z"),
                        hours("2025-11-26T21:00:00Z", "2025-11-27T01:00:00Z"),
                        hours("2025-11-28T09:00:00Z", "2025-11-28T14:30:00Z"),
                        hours("2025-11-28T17:00:00Z", "2025-11-28T22:00:00Z")),
                intraday(TradingSessions.of(AAPL, null, false), span, week, BarSize.MIN_1));
    }

    @Test
    void nothingStoredIsEverySessionOfTheRangeAndAStretchTooShortForABarIsNoGap() {
        TimeRange range = hours("2025-11-26T15:00:00Z", "2025-11-28T23:00:00Z");
        assertEquals(
                List.of(
                        hours("2025-11-26T15:00:00Z", "2025-11-26T21:00:00Z"),
                        hours("2025-11-28T14:30:00Z", "2025-11-28T18:00:00Z")),
                intraday(
                        TradingSessions.of(AAPL, null, true),
                        SeriesSpan.empty(),
                        range,
                        BarSize.MIN_30));

        // Hourly bars at 14:30 and 15:30 and then 20:30Z: the hole from 16:30 to 20:30 holds
        // 17:00, 18:00 and 19:00. Minute bars half a minute off the minute, the last at 15:58:30,
        // leave 30 seconds before the close that hold no minute's start.
        SeriesSpan hourly =
                new SeriesSpan(
                        3,
                        at("2025-11-26T14:30:00Z"),
                        at("2025-11-26T20:30:00Z"),
                        List.of(hours("2025-11-26T16:30:00Z", "2025-11-26T20:30:00Z")));
        assertEquals(
                List.of(hours("2025-11-26T16:30:00Z", "2025-11-26T20:30:00Z")),
                intraday(
                        TradingSessions.of(AAPL, null, true),
                        hourly,
                        hours("2025-11-26T14:30:00Z", "2025-11-26T21:00:00Z"),
                        BarSize.HOUR_1));
        SeriesSpan toTheLastHalfMinute =
                new SeriesSpan(
                        1, at("2025-11-26T20:58:30Z"), at("2025-11-26T20:58:30Z"), List.of());
        assertEquals(
                List.of(),
                intraday(
                        TradingSessions.of(AAPL, null, true),
                        toTheLastHalfMinute,
                        hours("2025-11-26T20:58:30Z", "2025-11-26T21:00:00Z"),
                        BarSize.MIN_1));
    }

    @Test
    void ibsTradingHoursWithClosedDaysLeaveTheWeekendOut() {
        InstrumentDetails details =
                new InstrumentDetails(
                        495512563,
                        new BigDecimal("50"),
                        "E-mini S&P 500",
                        "US/Central",
                        "20251120:1700-20251121:1600;20251122:CLOSED;20251123:1700-20251124:1600",
                        null);
        assertEquals(
                List.of(
                        hours("2025-11-21T00:00:00Z", "2025-11-21T22:00:00Z"),
                        hours("2025-11-23T23:00:00Z", "2025-11-24T12:00:00Z")),
                intraday(
                        TradingSessions.of(ES, details, false),
                        SeriesSpan.empty(),
                        hours("2025-11-21T00:00:00Z", "2025-11-24T12:00:00Z"),
                        BarSize.HOUR_1));
    }

    @Test
    void fxHasNoGapOverTheWeekendButOneInsideSundayEvening() {
        TimeRange range = hours("2025-11-21T20:00:00Z", "2025-11-24T00:00:00Z");
        // Five-minute bars to Friday 16:55 New York (21:55Z), none until Sunday 17:00 (22:00Z).
        SeriesSpan weekend =
                new SeriesSpan(
                        24 + 24,
                        at("2025-11-21T20:00:00Z"),
                        at("2025-11-23T23:55:00Z"),
                        List.of(hours("2025-11-21T22:00:00Z", "2025-11-23T22:00:00Z")));
        assertEquals(
                List.of(),
                intraday(TradingSessions.of(EURUSD, null, false), weekend, range, BarSize.MIN_5));

        SeriesSpan sundayHole =
                new SeriesSpan(
                        24 + 18,
                        at("2025-11-21T20:00:00Z"),
                        at("2025-11-23T23:55:00Z"),
                        List.of(
                                hours("2025-11-21T22:00:00Z", "2025-11-23T22:00:00Z"),
                                hours("2025-11-23T22:30:00Z", "2025-11-23T23:00:00Z")));
        assertEquals(
                List.of(hours("2025-11-23T22:30:00Z", "2025-11-23T23:00:00Z")),
                intraday(
                        TradingSessions.of(EURUSD, null, false), sundayHole, range, BarSize.MIN_5));
    }

    @Test
    void aroundTheClockAHoleOverMidnightIsOneGap() {
        SeriesSpan span =
                new SeriesSpan(
                        30,
                        at("2025-11-22T00:00:00Z"),
                        at("2025-11-23T10:00:00Z"),
                        List.of(hours("2025-11-22T22:00:00Z", "2025-11-23T03:00:00Z")));
        assertEquals(
                List.of(
                        hours("2025-11-22T22:00:00Z", "2025-11-23T03:00:00Z"),
                        hours("2025-11-23T11:00:00Z", "2025-11-23T12:00:00Z")),
                intraday(
                        TradingSessions.of(BTC, null, true),
                        span,
                        hours("2025-11-22T00:00:00Z", "2025-11-23T12:00:00Z"),
                        BarSize.HOUR_1));
    }

    @Test
    void dailyBarsMissOnlyTradingDaysAndMissingOnesAcrossAHolidayAreOneGap() {
        TradingSessions sessions = TradingSessions.of(AAPL, null, true);
        TimeRange twoWeeks = hours("2025-11-24T00:00:00Z", "2025-12-06T00:00:00Z");
        List<LocalDate> tradingDays =
                sessions.tradingDays(LocalDate.of(2025, 11, 24), LocalDate.of(2025, 12, 6));
        assertEquals(
                Stream.of(
                                "2025-11-24",
                                "2025-11-25",
                                "2025-11-26",
                                "2025-11-28",
                                "2025-12-01",
                                "2025-12-02",
                                "2025-12-03",
                                "2025-12-04",
                                "2025-12-05")
                        .map(LocalDate::parse)
                        .toList(),
                tradingDays);

        assertEquals(
                List.of(
                        hours("2025-11-26T00:00:00Z", "2025-11-27T00:00:00Z"),
                        hours("2025-12-02T00:00:00Z", "2025-12-03T00:00:00Z")),
                Gaps.periodic(
                        days(
                                "2025-11-24",
                                "2025-11-25",
                                "2025-11-28",
                                "2025-12-01",
                                "2025-12-03",
                                "2025-12-04",
                                "2025-12-05"),
                        twoWeeks,
                        tradingDays,
                        BarSize.DAY_1));

        assertEquals(
                List.of(
                        hours("2025-11-26T00:00:00Z", "2025-11-29T00:00:00Z"),
                        hours("2025-12-05T00:00:00Z", "2025-12-06T00:00:00Z")),
                Gaps.periodic(
                        days(
                                "2025-11-24",
                                "2025-11-25",
                                "2025-12-01",
                                "2025-12-02",
                                "2025-12-03",
                                "2025-12-04"),
                        twoWeeks,
                        tradingDays,
                        BarSize.DAY_1),
                "the 26th and the 28th miss with only Thanksgiving between them");
    }

    @Test
    void weeklyAndMonthlyBarsMissWhenNoBarIsDatedInAPeriodWithTradingDays() {
        TradingSessions sessions = TradingSessions.of(AAPL, null, true);
        TimeRange range = hours("2025-11-03T00:00:00Z", "2025-12-01T00:00:00Z");
        List<LocalDate> tradingDays =
                sessions.tradingDays(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 1));
        assertEquals(
                List.of(hours("2025-11-17T00:00:00Z", "2025-11-24T00:00:00Z")),
                Gaps.periodic(
                        days("2025-11-07", "2025-11-14", "2025-11-28"),
                        range,
                        tradingDays,
                        BarSize.WEEK_1),
                "weeks dated by their Friday; the week of the 17th has none");
        assertEquals(
                List.of(hours("2025-11-03T00:00:00Z", "2025-12-01T00:00:00Z")),
                Gaps.periodic(List.of(), range, tradingDays, BarSize.MONTH_1),
                "November's bar is missing; the gap is the part of it in the range");
        assertEquals(
                List.of(), Gaps.periodic(days("2025-11-03"), range, tradingDays, BarSize.MONTH_1));
    }

    private static List<Instant> days(String... days) {
        return Stream.of(days).map(d -> Instant.parse(d + "T00:00:00Z")).toList();
    }
}

package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.TradingSession;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentDetails;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * When instruments trade, by exchange rules and by IB's schedule; every instant below is worked out
 * by hand from the exchange's local time (New York is UTC-5 in late November, UTC-4 in summer).
 */
class TradingSessionsTest {

    static final Contract AAPL = Contract.stock("AAPL", "SMART");
    static final Contract EURUSD =
            new Contract(
                    "EUR.USD",
                    InstrumentKind.STOCK,
                    "IDEALPRO",
                    "USD",
                    new BigDecimal("0.00005"),
                    null);
    static final Contract BTC =
            new Contract("BTC", InstrumentKind.STOCK, "PAXOS", "USD", new BigDecimal("0.01"), null);
    static final Contract ES =
            new Contract(
                    "ESZ5",
                    InstrumentKind.FUTURE,
                    "CME",
                    "USD",
                    new BigDecimal("0.25"),
                    LocalDate.of(2025, 12, 19));

    static TimeRange hours(String from, String to) {
        return new TimeRange(Instant.parse(from), Instant.parse(to));
    }

    static TradingSession session(String day, String from, String to) {
        return new TradingSession(LocalDate.parse(day), hours(from, to));
    }

    @Test
    void nyseHolidaysFollowTheRulesIncludingObservedDays() {
        assertEquals(
                List.of(
                        "2025-01-01",
                        "2025-01-20",
                        "2025-02-17",
                        "2025-04-18",
                        "2025-05-26",
                        "2025-06-19",
                        "2025-07-04",
                        "2025-09-01",
                        "2025-11-27",
                        "2025-12-25"),
                holidays(2025));
        assertEquals(
                List.of(
                        "2026-01-01",
                        "2026-01-19",
                        "2026-02-16",
                        "2026-04-03",
                        "2026-05-25",
                        "2026-06-19",
                        "2026-07-03",
                        "2026-09-07",
                        "2026-11-26",
                        "2026-12-25"),
                holidays(2026),
                "July 4, 2026 is a Saturday: observed on Friday the 3rd");
        assertEquals(
                List.of(
                        "2027-01-01",
                        "2027-01-18",
                        "2027-02-15",
                        "2027-03-26",
                        "2027-05-31",
                        "2027-06-18",
                        "2027-07-05",
                        "2027-09-06",
                        "2027-11-25",
                        "2027-12-24"),
                holidays(2027),
                "Juneteenth and Christmas 2027 fall on Saturdays, July 4 on a Sunday");
        assertEquals(
                List.of(
                        "2022-01-17",
                        "2022-02-21",
                        "2022-04-15",
                        "2022-05-30",
                        "2022-06-20",
                        "2022-07-04",
                        "2022-09-05",
                        "2022-11-24",
                        "2022-12-26"),
                holidays(2022),
                "New Year's Day 2022 was a Saturday and is not observed on Friday Dec 31, 2021");
        assertFalse(NyseHolidays.isHoliday(LocalDate.of(2021, 12, 31)));
        assertFalse(NyseHolidays.isHoliday(LocalDate.of(2021, 6, 18)), "no Juneteenth before 2022");
        assertEquals(LocalDate.of(2024, 3, 31), NyseHolidays.easter(2024));
    }

    @Test
    void earlyClosesAreTheDayAfterThanksgivingAndWeekdayEvesOfJulyFourthAndChristmas() {
        assertTrue(NyseHolidays.isEarlyClose(LocalDate.of(2025, 7, 3)));
        assertTrue(NyseHolidays.isEarlyClose(LocalDate.of(2025, 11, 28)));
        assertTrue(NyseHolidays.isEarlyClose(LocalDate.of(2025, 12, 24)));
        assertFalse(NyseHolidays.isEarlyClose(LocalDate.of(2026, 7, 3)), "a holiday that year");
        assertFalse(NyseHolidays.isEarlyClose(LocalDate.of(2027, 12, 24)), "a holiday that year");
    }

    @Test
    void aUsStockTradesFromHalfPastNineToFourNewYorkTimeExceptOnHolidays() {
        TradingSessions sessions = TradingSessions.of(AAPL, null, true);
        assertEquals(
                List.of(
                        session("2025-11-26", "2025-11-26T14:30:00Z", "2025-11-26T21:00:00Z"),
                        session("2025-11-28", "2025-11-28T14:30:00Z", "2025-11-28T18:00:00Z")),
                sessions.overlapping(hours("2025-11-26T00:00:00Z", "2025-11-30T00:00:00Z")),
                "Thanksgiving closed, the day after closes at 13:00");
        assertEquals(
                List.of(session("2025-07-07", "2025-07-07T13:30:00Z", "2025-07-07T20:00:00Z")),
                sessions.overlapping(hours("2025-07-07T00:00:00Z", "2025-07-08T00:00:00Z")),
                "in summer New York is UTC-4");
        assertEquals(
                List.of(session("2025-11-26", "2025-11-26T09:00:00Z", "2025-11-27T01:00:00Z")),
                TradingSessions.of(AAPL, null, false)
                        .overlapping(hours("2025-11-26T01:00:00Z", "2025-11-27T00:00:00Z")),
                "extended hours 04:00-20:00; the 25th's after-hours end at 01:00 UTC on the 26th");
        assertTrue(sessions.description().startsWith("regular US equities' hours"));
    }

    @Test
    void ibsTradingHoursDecideTheDaysTheyListClosedOnesIncluded() {
        InstrumentDetails details =
                new InstrumentDetails(
                        495512563,
                        new BigDecimal("50"),
                        "E-mini S&P 500",
                        "US/Central",
                        "20251120:1700-20251121:1600;20251122:CLOSED;20251123:1700-20251124:1600",
                        "20251121:0830-20251121:1500;20251122:CLOSED;20251124:0830-20251124:1500");
        TradingSessions all = TradingSessions.of(ES, details, false);
        assertEquals(
                List.of(session("2025-11-21", "2025-11-20T23:00:00Z", "2025-11-21T22:00:00Z")),
                all.sessions(LocalDate.of(2025, 11, 21)));
        assertEquals(List.of(), all.sessions(LocalDate.of(2025, 11, 22)));
        assertEquals(List.of(), all.sessions(LocalDate.of(2025, 11, 23)));
        assertEquals(
                List.of(session("2025-11-24", "2025-11-23T23:00:00Z", "2025-11-24T22:00:00Z")),
                all.sessions(LocalDate.of(2025, 11, 24)));
        assertEquals(
                List.of(session("2025-11-25", "2025-11-24T23:00:00Z", "2025-11-25T22:00:00Z")),
                all.sessions(LocalDate.of(2025, 11, 25)),
                "after IB's last day, CME's rule: 18:00 to 17:00 New York");
        assertEquals(
                "IB's trading hours in US/Central from 2025-11-21 to 2025-11-24, otherwise CME"
                        + " Globex hours, Sunday to Friday 18:00 to 17:00 America/New_York",
                all.description());

        TradingSessions liquid = TradingSessions.of(ES, details, true);
        assertEquals(
                List.of(session("2025-11-24", "2025-11-24T14:30:00Z", "2025-11-24T21:00:00Z")),
                liquid.sessions(LocalDate.of(2025, 11, 24)));
    }

    @Test
    void ibsOlderFormatWithoutTheClosingDateAndSeveralSessionsADay() {
        InstrumentDetails details =
                new InstrumentDetails(
                        1, null, null, "EST", "20090507:0700-1830,1830-2330;20090508:CLOSED", null);
        assertEquals(
                List.of(
                        session("2009-05-07", "2009-05-07T11:00:00Z", "2009-05-07T22:30:00Z"),
                        session("2009-05-07", "2009-05-07T22:30:00Z", "2009-05-08T03:30:00Z")),
                TradingSessions.of(AAPL, details, false).sessions(LocalDate.of(2009, 5, 7)),
                "EST is read as New York's zone, which keeps summer time (UTC-4 in May)");
    }

    @Test
    void anUnreadableScheduleIsSetAsideAndTheExchangeRulesSaySo() {
        InstrumentDetails details =
                new InstrumentDetails(1, null, null, "US/Eastern", "20251121:09:30-16:00", null);
        TradingSessions sessions = TradingSessions.of(AAPL, details, false);
        assertEquals(
                List.of(session("2025-11-21", "2025-11-21T09:00:00Z", "2025-11-22T01:00:00Z")),
                sessions.sessions(LocalDate.of(2025, 11, 21)));
        assertTrue(
                sessions.description()
                        .endsWith(
                                "(IB's trading hours are not used: '20251121:09:30-16:00' is not a"
                                        + " session of IB's trading hours)"),
                sessions.description());
        assertTrue(
                TradingSessions.of(
                                AAPL,
                                new InstrumentDetails(
                                        1, null, null, "Mars/Olympus", "20251121:CLOSED", null),
                                false)
                        .description()
                        .endsWith("its time zone 'Mars/Olympus' is not known)"));
    }

    @Test
    void fxTradesFromSundayFivePmToFridayFivePmNewYorkTime() {
        TradingSessions sessions = TradingSessions.of(EURUSD, null, true);
        assertEquals(
                List.of(
                        session("2025-11-21", "2025-11-20T22:00:00Z", "2025-11-21T22:00:00Z"),
                        session("2025-11-24", "2025-11-23T22:00:00Z", "2025-11-24T22:00:00Z")),
                sessions.overlapping(hours("2025-11-21T12:00:00Z", "2025-11-24T00:00:00Z")));
    }

    @Test
    void cryptoAndUnknownExchangesTradeAroundTheClockAndAnUnknownOneIsNamed() {
        List<TradingSession> days =
                TradingSessions.of(BTC, null, true)
                        .overlapping(hours("2025-11-22T12:00:00Z", "2025-11-23T12:00:00Z"));
        assertEquals(
                List.of(
                        session("2025-11-22", "2025-11-22T00:00:00Z", "2025-11-23T00:00:00Z"),
                        session("2025-11-23", "2025-11-23T00:00:00Z", "2025-11-24T00:00:00Z")),
                days);
        TradingSessions unknown = TradingSessions.of(Contract.stock("XYZ", "SIM"), null, true);
        assertEquals(
                "around the clock (UTC days): the exchange SIM is not one whose hours are known",
                unknown.description());
        assertEquals(
                2,
                unknown.tradingDays(LocalDate.of(2025, 11, 22), LocalDate.of(2025, 11, 23)).size());
    }

    @Test
    void cmeFuturesWithoutDetailsOpenAtSixTheEveningBefore() {
        assertEquals(
                List.of(session("2025-11-24", "2025-11-23T23:00:00Z", "2025-11-24T22:00:00Z")),
                TradingSessions.of(ES, null, false).sessions(LocalDate.of(2025, 11, 24)));
        assertEquals(
                List.of(),
                TradingSessions.of(ES, null, false).sessions(LocalDate.of(2025, 11, 23)));
    }

    private static List<String> holidays(int year) {
        return LocalDate.of(year, 1, 1)
                .datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(NyseHolidays::isHoliday)
                .map(LocalDate::toString)
                .toList();
    }
}

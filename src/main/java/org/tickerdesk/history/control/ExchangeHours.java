package org.tickerdesk.history.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.TradingSession;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * When a market trades by its rules, for the days IB's contract details do not cover: US equities,
 * FX, crypto, CME-style futures, and around the clock for any other exchange. Each day is one
 * trading day; a session that opens the evening before belongs to the day it closes on.
 */
enum ExchangeHours {
    /**
     * NYSE, Nasdaq and the other US venues: 09:30–16:00 New York, with pre- and post-market from
     * 04:00 to 20:00 unless regular hours only; closed on NYSE holidays, closing at 13:00 (17:00
     * after hours) on its early-close days.
     */
    US_EQUITIES("US equities' hours in America/New_York on NYSE trading days"),
    /** IDEALPRO's FX: Sunday 17:00 to Friday 17:00 New York, each day 17:00 to 17:00. */
    FX("FX hours, Sunday 17:00 to Friday 17:00 America/New_York"),
    /** Crypto exchanges: every day, around the clock. */
    CRYPTO("crypto, every day around the clock (UTC days)"),
    /**
     * CME Globex and its kin: Sunday to Friday 18:00 to 17:00 New York, with the daily hour's
     * break; the exchanges' holiday schedules are not known here.
     */
    CME_FUTURES("CME Globex hours, Sunday to Friday 18:00 to 17:00 America/New_York"),
    /** Nothing is known of the exchange, so any minute may have a bar. */
    AROUND_THE_CLOCK("around the clock (UTC days)");

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final Set<String> US_VENUES =
            Set.of("NYSE", "NASDAQ", "ARCA", "AMEX", "BATS", "SMART", "IEX");
    private static final Set<String> FX_VENUES = Set.of("IDEALPRO", "IDEAL");
    private static final Set<String> CRYPTO_VENUES = Set.of("PAXOS", "ZEROHASH", "GEMINI");
    private static final Set<String> CME_VENUES =
            Set.of("CME", "GLOBEX", "CBOT", "ECBOT", "NYMEX", "COMEX");

    private static final LocalTime US_OPEN = LocalTime.of(9, 30);
    private static final LocalTime US_CLOSE = LocalTime.of(16, 0);
    private static final LocalTime US_EARLY_CLOSE = LocalTime.of(13, 0);
    private static final LocalTime US_PRE_MARKET = LocalTime.of(4, 0);
    private static final LocalTime US_AFTER_HOURS = LocalTime.of(20, 0);
    private static final LocalTime US_EARLY_AFTER_HOURS = LocalTime.of(17, 0);
    private static final LocalTime FX_ROLL = LocalTime.of(17, 0);
    private static final LocalTime CME_OPEN = LocalTime.of(18, 0);
    private static final LocalTime CME_CLOSE = LocalTime.of(17, 0);

    private final String description;

    ExchangeHours(String description) {
        this.description = description;
    }

    /** Which rules a contract trades by, from its exchange (and for US equities its currency). */
    static ExchangeHours of(Contract contract) {
        String exchange = contract.exchange().toUpperCase(Locale.ROOT);
        if (FX_VENUES.contains(exchange)) {
            return FX;
        }
        if (CRYPTO_VENUES.contains(exchange)) {
            return CRYPTO;
        }
        if (CME_VENUES.contains(exchange)) {
            return CME_FUTURES;
        }
        if (US_VENUES.contains(exchange)
                && contract.currency().equals("USD")
                && (contract.kind() == InstrumentKind.STOCK
                        || contract.kind() == InstrumentKind.OPTION)) {
            return US_EQUITIES;
        }
        return AROUND_THE_CLOCK;
    }

    /** Whether the exchange is one the rules know, rather than assumed open around the clock. */
    boolean isKnown() {
        return this != AROUND_THE_CLOCK;
    }

    String describe(boolean regularHoursOnly) {
        if (this == US_EQUITIES) {
            return (regularHoursOnly ? "regular " : "extended (04:00-20:00) ") + description;
        }
        return description;
    }

    /** The sessions of one trading day, none when the market is closed that day. */
    List<TradingSession> sessions(LocalDate day, boolean regularHoursOnly) {
        DayOfWeek weekday = day.getDayOfWeek();
        boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
        return switch (this) {
            case US_EQUITIES -> {
                if (weekend || NyseHolidays.isHoliday(day)) {
                    yield List.of();
                }
                boolean early = NyseHolidays.isEarlyClose(day);
                yield regularHoursOnly
                        ? newYork(day, day, US_OPEN, early ? US_EARLY_CLOSE : US_CLOSE)
                        : newYork(
                                day,
                                day,
                                US_PRE_MARKET,
                                early ? US_EARLY_AFTER_HOURS : US_AFTER_HOURS);
            }
            case FX -> weekend ? List.of() : newYork(day.minusDays(1), day, FX_ROLL, FX_ROLL);
            case CME_FUTURES ->
                    weekend ? List.of() : newYork(day.minusDays(1), day, CME_OPEN, CME_CLOSE);
            case CRYPTO, AROUND_THE_CLOCK ->
                    List.of(
                            new TradingSession(
                                    day,
                                    new TimeRange(
                                            day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                                            day.plusDays(1)
                                                    .atStartOfDay(ZoneOffset.UTC)
                                                    .toInstant())));
        };
    }

    private static List<TradingSession> newYork(
            LocalDate openDay, LocalDate day, LocalTime open, LocalTime close) {
        return List.of(
                new TradingSession(
                        day,
                        new TimeRange(
                                openDay.atTime(open).atZone(NEW_YORK).toInstant(),
                                day.atTime(close).atZone(NEW_YORK).toInstant())));
    }
}

package org.tickerdesk.history.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.TradingSession;

/**
 * The sessions IB's contract details list ({@code tradingHours} or {@code liquidHours}), by trading
 * day. IB writes them in the exchange's zone, entries separated by ';': {@code
 * 20251121:0930-20251121:1600}, a session that opens the evening before as {@code
 * 20251120:1700-20251121:1600}, a day without trading as {@code 20251122:CLOSED}, and several
 * sessions of one day separated by ','. Older TWS versions leave out the closing date ({@code
 * 20090507:0700-1830,1830-2330}). A session belongs to the day it closes on. The days listed are
 * the days IB speaks for, closed ones included; about a week around the day the details were taken.
 */
final class IbTradingHours {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern CLOSED = Pattern.compile("(\\d{8}):CLOSED");
    private static final Pattern SESSION =
            Pattern.compile("(?:(\\d{8}):)?(\\d{4})-(?:(\\d{8}):)?(\\d{4})");

    private final NavigableMap<LocalDate, List<TradingSession>> byDay;

    private IbTradingHours(NavigableMap<LocalDate, List<TradingSession>> byDay) {
        this.byDay = byDay;
    }

    /**
     * The schedule IB wrote; empty when it wrote none. Refused with an {@link
     * IllegalArgumentException} naming the entry when any part of it cannot be read, so that a
     * schedule is used whole or not at all.
     */
    static Optional<IbTradingHours> parse(String hours, ZoneId zone) {
        if (hours == null || hours.isBlank()) {
            return Optional.empty();
        }
        NavigableMap<LocalDate, List<TradingSession>> byDay = new TreeMap<>();
        for (String entry : hours.strip().split(";")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher closed = CLOSED.matcher(text);
            if (closed.matches()) {
                byDay.computeIfAbsent(date(closed.group(1), text), d -> new ArrayList<>());
                continue;
            }
            LocalDate entryDay = null;
            for (String piece : text.split(",")) {
                Matcher session = SESSION.matcher(piece.strip());
                if (!session.matches() || (session.group(1) == null && entryDay == null)) {
                    throw new IllegalArgumentException(
                            "'" + text + "' is not a session of IB's trading hours");
                }
                LocalDate openDay =
                        session.group(1) == null ? entryDay : date(session.group(1), text);
                entryDay = entryDay == null ? openDay : entryDay;
                LocalDate closeDay =
                        session.group(3) == null ? openDay : date(session.group(3), text);
                LocalDateTime open = at(openDay, session.group(2), text);
                LocalDateTime close = at(closeDay, session.group(4), text);
                if (!close.isAfter(open)) {
                    throw new IllegalArgumentException(
                            "'" + text + "' has a session that closes before it opens");
                }
                TradingSession parsed =
                        new TradingSession(
                                close.minusNanos(1).toLocalDate(),
                                new TimeRange(
                                        open.atZone(zone).toInstant(),
                                        close.atZone(zone).toInstant()));
                byDay.computeIfAbsent(parsed.day(), d -> new ArrayList<>()).add(parsed);
            }
        }
        return byDay.isEmpty() ? Optional.empty() : Optional.of(new IbTradingHours(byDay));
    }

    /** The first day IB speaks for. */
    LocalDate firstDay() {
        return byDay.firstKey();
    }

    /** The last day IB speaks for. */
    LocalDate lastDay() {
        return byDay.lastKey();
    }

    /** The sessions of one day: none when IB says it is closed or does not list it. */
    List<TradingSession> sessions(LocalDate day) {
        return byDay.getOrDefault(day, List.of());
    }

    private static LocalDate date(String text, String entry) {
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + entry + "' has no valid date " + text);
        }
    }

    /** IB writes the end of a day as 2400 as well as 0000 of the next. */
    private static LocalDateTime at(LocalDate day, String hhmm, String entry) {
        int hours = Integer.parseInt(hhmm.substring(0, 2));
        int minutes = Integer.parseInt(hhmm.substring(2));
        if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0)) {
            throw new IllegalArgumentException("'" + entry + "' has no valid time " + hhmm);
        }
        return day.atStartOfDay().plusMinutes(hours * 60L + minutes);
    }
}

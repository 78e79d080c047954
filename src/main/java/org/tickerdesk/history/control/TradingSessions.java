package org.tickerdesk.history.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.TradingSession;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentDetails;

/**
 * When one instrument trades: IB's schedule from its contract details for the days that schedule
 * covers ({@code liquidHours} for regular hours only, else {@code tradingHours}, in the details'
 * zone), and its exchange's rules ({@link ExchangeHours}) for every other day. A schedule that
 * cannot be read is not used, and the description says so, as it says when the exchange is not
 * known and any minute is taken as a trading minute.
 */
public final class TradingSessions {

    /** The abbreviations IB has been seen to write for a zone, as the regions they stand for. */
    private static final Map<String, String> ZONE_ABBREVIATIONS =
            Map.ofEntries(
                    Map.entry("EST", "America/New_York"),
                    Map.entry("EDT", "America/New_York"),
                    Map.entry("CST", "America/Chicago"),
                    Map.entry("CDT", "America/Chicago"),
                    Map.entry("MST", "America/Denver"),
                    Map.entry("MDT", "America/Denver"),
                    Map.entry("PST", "America/Los_Angeles"),
                    Map.entry("PDT", "America/Los_Angeles"),
                    Map.entry("GMT", "Europe/London"),
                    Map.entry("BST", "Europe/London"),
                    Map.entry("MET", "Europe/Berlin"),
                    Map.entry("CET", "Europe/Berlin"),
                    Map.entry("CEST", "Europe/Berlin"),
                    Map.entry("JST", "Asia/Tokyo"),
                    Map.entry("HKT", "Asia/Hong_Kong"));

    private final ExchangeHours rules;
    private final boolean regularHoursOnly;
    private final IbTradingHours schedule;
    private final String description;

    private TradingSessions(
            ExchangeHours rules,
            boolean regularHoursOnly,
            IbTradingHours schedule,
            String description) {
        this.rules = rules;
        this.regularHoursOnly = regularHoursOnly;
        this.schedule = schedule;
        this.description = description;
    }

    /** The sessions of a contract; {@code details} is null while it is not resolved at IB. */
    public static TradingSessions of(
            Contract contract, InstrumentDetails details, boolean regularHoursOnly) {
        ExchangeHours rules = ExchangeHours.of(contract);
        String ruled =
                rules.isKnown()
                        ? rules.describe(regularHoursOnly)
                        : rules.describe(regularHoursOnly)
                                + ": the exchange "
                                + contract.exchange()
                                + " is not one whose hours are known";
        if (details == null) {
            return new TradingSessions(rules, regularHoursOnly, null, ruled);
        }
        String which = regularHoursOnly ? "liquid hours" : "trading hours";
        String hours = regularHoursOnly ? details.liquidHours() : details.tradingHours();
        if (hours == null) {
            return new TradingSessions(rules, regularHoursOnly, null, ruled);
        }
        Optional<ZoneId> zone = zone(details.timeZone());
        if (zone.isEmpty()) {
            return new TradingSessions(
                    rules,
                    regularHoursOnly,
                    null,
                    ruled
                            + " (IB's "
                            + which
                            + " are not used: its time zone '"
                            + details.timeZone()
                            + "' is not known)");
        }
        try {
            Optional<IbTradingHours> schedule = IbTradingHours.parse(hours, zone.get());
            if (schedule.isEmpty()) {
                return new TradingSessions(rules, regularHoursOnly, null, ruled);
            }
            return new TradingSessions(
                    rules,
                    regularHoursOnly,
                    schedule.get(),
                    "IB's "
                            + which
                            + " in "
                            + zone.get()
                            + " from "
                            + schedule.get().firstDay()
                            + " to "
                            + schedule.get().lastDay()
                            + ", otherwise "
                            + ruled);
        } catch (IllegalArgumentException e) {
            return new TradingSessions(
                    rules,
                    regularHoursOnly,
                    null,
                    ruled + " (IB's " + which + " are not used: " + e.getMessage() + ")");
        }
    }

    /** Whose sessions these are, for a reader to judge the gaps by. */
    public String description() {
        return description;
    }

    /** The sessions of one trading day, in order; none when the market is closed. */
    public List<TradingSession> sessions(LocalDate day) {
        if (schedule != null
                && !day.isBefore(schedule.firstDay())
                && !day.isAfter(schedule.lastDay())) {
            return schedule.sessions(day);
        }
        return rules.sessions(day, regularHoursOnly);
    }

    /** Every session that overlaps the range, in order. */
    public List<TradingSession> overlapping(TimeRange range) {
        LocalDate first = range.from().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2);
        LocalDate last = range.to().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2);
        List<TradingSession> found = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (TradingSession session : sessions(day)) {
                TimeRange hours = session.hours();
                if (hours.from().isBefore(range.to()) && hours.to().isAfter(range.from())) {
                    found.add(session);
                }
            }
        }
        found.sort(Comparator.comparing(s -> s.hours().from()));
        return found;
    }

    /** The days from {@code first} to {@code last} (inclusive) with at least one session. */
    public List<LocalDate> tradingDays(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!sessions(day).isEmpty()) {
                days.add(day);
            }
        }
        return days;
    }

    private static Optional<ZoneId> zone(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip();
        String abbreviation = name.split("[\\s(]", 2)[0];
        if (ZONE_ABBREVIATIONS.containsKey(abbreviation)) {
            return Optional.of(ZoneId.of(ZONE_ABBREVIATIONS.get(abbreviation)));
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

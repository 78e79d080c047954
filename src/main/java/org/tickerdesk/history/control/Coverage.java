package org.tickerdesk.history.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CoverageReport;
import org.tickerdesk.history.entity.SeriesSpan;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentDetails;

/**
 * How much of a stored series there is and where it has gaps, within the instrument's trading
 * sessions ({@link TradingSessions}, how a gap is told in {@link Gaps}). The collection job fills
 * the gaps by collecting just those stretches.
 *
 * <p>A series shorter than a day is read as its span: one pass over the range's index entries
 * returning only the first and last bar and the holes longer than one bar, so a year of minute bars
 * costs a few hundred rows out of the database, not a hundred thousand. Daily and longer series are
 * read bar by bar, being a few thousand bars in decades.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Coverage {

    @Inject BarStore store;

    /**
     * The coverage of a series in a range, or when {@code range} is null from its first stored bar
     * to the end of its last.
     */
    public CoverageReport report(
            long instrumentId,
            Contract contract,
            InstrumentDetails details,
            BarSize barSize,
            WhatToShow whatToShow,
            TimeRange range,
            boolean regularHoursOnly) {
        return range == null
                ? report(
                        instrumentId,
                        contract,
                        details,
                        barSize,
                        whatToShow,
                        null,
                        null,
                        regularHoursOnly)
                : report(
                        instrumentId,
                        contract,
                        details,
                        barSize,
                        whatToShow,
                        range.from(),
                        range.to(),
                        regularHoursOnly);
    }

    /**
     * The coverage of a series from {@code from} to {@code to}; an open end is the first stored
     * bar's start or the last one's end. Nothing stored and an open end: no range, so no gaps.
     */
    public CoverageReport report(
            long instrumentId,
            Contract contract,
            InstrumentDetails details,
            BarSize barSize,
            WhatToShow whatToShow,
            Instant from,
            Instant to,
            boolean regularHoursOnly) {
        TradingSessions sessions = TradingSessions.of(contract, details, regularHoursOnly);
        Optional<TimeRange> range = range(instrumentId, barSize, whatToShow, from, to);
        if (range.isEmpty()) {
            return new CoverageReport(0, null, null, List.of(), sessions.description());
        }
        if (barSize.isDailyOrLonger()) {
            List<Instant> starts =
                    store.starts(instrumentId, barSize, whatToShow, widened(range.get(), barSize));
            List<Instant> inRange =
                    starts.stream()
                            .filter(s -> !s.isBefore(range.get().from()))
                            .filter(s -> s.isBefore(range.get().to()))
                            .toList();
            return new CoverageReport(
                    inRange.size(),
                    inRange.isEmpty() ? null : inRange.get(0),
                    inRange.isEmpty() ? null : inRange.get(inRange.size() - 1),
                    Gaps.periodic(starts, range.get(), tradingDays(sessions, range.get()), barSize),
                    sessions.description());
        }
        SeriesSpan span = store.span(instrumentId, barSize, whatToShow, range.get());
        return new CoverageReport(
                span.count(),
                span.first(),
                span.last(),
                Gaps.intraday(span, range.get(), sessions.overlapping(range.get()), barSize),
                sessions.description());
    }

    /** Just the gaps of a series in a range, for the collection job to fill. */
    public List<TimeRange> gaps(
            long instrumentId,
            Contract contract,
            InstrumentDetails details,
            BarSize barSize,
            WhatToShow whatToShow,
            TimeRange range,
            boolean regularHoursOnly) {
        return report(
                        instrumentId,
                        contract,
                        details,
                        barSize,
                        whatToShow,
                        range.from(),
                        range.to(),
                        regularHoursOnly)
                .gaps();
    }

    /**
     * The details IB gave when the instrument was looked up there, as the sessions take them; null
     * if it never was.
     */
    public static InstrumentDetails details(Instrument instrument) {
        if (instrument.conId() == null) {
            return null;
        }
        return new InstrumentDetails(
                instrument.conId(),
                instrument.multiplier(),
                instrument.longName(),
                instrument.timeZone(),
                instrument.tradingHours(),
                instrument.liquidHours());
    }

    private Optional<TimeRange> range(
            long instrumentId, BarSize barSize, WhatToShow whatToShow, Instant from, Instant to) {
        Instant start = from;
        Instant end = to;
        if (start == null) {
            start = store.firstStart(instrumentId, barSize, whatToShow).orElse(null);
        }
        if (end == null) {
            end =
                    store.lastStart(instrumentId, barSize, whatToShow)
                            .map(last -> last.plus(barSize.length()))
                            .orElse(null);
        }
        if (start == null || end == null || !start.isBefore(end)) {
            return Optional.empty();
        }
        return Optional.of(new TimeRange(start, end));
    }

    /**
     * A weekly or monthly bar may be dated any day of its period, so the periods at either end are
     * read whole.
     */
    private static TimeRange widened(TimeRange range, BarSize barSize) {
        LocalDate first = Gaps.period(utcDay(range.from()), barSize);
        LocalDate last = Gaps.next(Gaps.period(utcDay(range.to()), barSize), barSize);
        return new TimeRange(
                first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static List<LocalDate> tradingDays(TradingSessions sessions, TimeRange range) {
        return sessions.tradingDays(utcDay(range.from()), utcDay(range.to()));
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

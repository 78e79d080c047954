package org.tickerdesk.history.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SeriesSpan;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.TradingSession;

/**
 * Where a stored series misses bars within its trading sessions; pure, so that every case can be
 * worked out by hand.
 *
 * <p>Bars shorter than a day: a gap is a stretch of a session where no bar is stored and at least
 * one bar would start, a bar starting at the session's open or at a multiple of its length (from
 * the epoch, as IB and every other source align them). Missing bars next to each other are one gap;
 * a gap ends with its session, so a week without bars is one gap per session, each a stretch the
 * collection can fetch.
 *
 * <p>Daily and longer bars are dated 00:00 UTC of their trading day: a trading day (a week or month
 * with any trading day) without a bar is missing, and missing ones with no stored one between them
 * are one gap, from the first missing one's start to the last one's end, within the range.
 */
final class Gaps {

    private Gaps() {}

    /** The gaps of a series shorter than a day, read as its span of the range. */
    static List<TimeRange> intraday(
            SeriesSpan span, TimeRange range, List<TradingSession> sessions, BarSize barSize) {
        List<TimeRange> missing = new ArrayList<>();
        if (span.count() == 0) {
            missing.add(range);
        } else {
            if (range.from().isBefore(span.first())) {
                missing.add(new TimeRange(range.from(), span.first()));
            }
            missing.addAll(span.holes());
            Instant end = span.last().plus(barSize.length());
            if (end.isBefore(range.to())) {
                missing.add(new TimeRange(end, range.to()));
            }
        }
        List<TimeRange> gaps = new ArrayList<>();
        int next = 0;
        for (TimeRange stretch : missing) {
            while (next < sessions.size()
                    && !sessions.get(next).hours().to().isAfter(stretch.from())) {
                next++;
            }
            for (int i = next;
                    i < sessions.size() && sessions.get(i).hours().from().isBefore(stretch.to());
                    i++) {
                TimeRange hours = sessions.get(i).hours();
                Instant from = latest(stretch.from(), hours.from(), range.from());
                Instant to = earliest(stretch.to(), hours.to(), range.to());
                if (from.isBefore(to) && aBarStarts(from, to, hours.from(), barSize)) {
                    add(gaps, new TimeRange(from, to));
                }
            }
        }
        return gaps;
    }

    /** The gaps of a daily, weekly or monthly series, from the starts stored around the range. */
    static List<TimeRange> periodic(
            List<Instant> starts, TimeRange range, List<LocalDate> tradingDays, BarSize barSize) {
        Set<LocalDate> stored = new HashSet<>();
        for (Instant start : starts) {
            stored.add(period(start.atOffset(ZoneOffset.UTC).toLocalDate(), barSize));
        }
        Set<LocalDate> expected = new LinkedHashSet<>();
        for (LocalDate day : tradingDays) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!start.isBefore(range.from()) && start.isBefore(range.to())) {
                expected.add(period(day, barSize));
            }
        }
        List<TimeRange> gaps = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate runEnd = null;
        for (LocalDate period : expected) {
            if (stored.contains(period)) {
                if (runStart != null) {
                    gaps.add(clipped(runStart, runEnd, range));
                    runStart = null;
                }
            } else {
                runStart = runStart == null ? period : runStart;
                runEnd = next(period, barSize);
            }
        }
        if (runStart != null) {
            gaps.add(clipped(runStart, runEnd, range));
        }
        return gaps;
    }

    /**
     * The first day of the period a day's bar belongs to: the day, its week's Monday, its month.
     */
    static LocalDate period(LocalDate day, BarSize barSize) {
        return switch (barSize) {
            case WEEK_1 -> day.with(DayOfWeek.MONDAY);
            case MONTH_1 -> day.withDayOfMonth(1);
            default -> day;
        };
    }

    static LocalDate next(LocalDate period, BarSize barSize) {
        return switch (barSize) {
            case WEEK_1 -> period.plusWeeks(1);
            case MONTH_1 -> period.plusMonths(1);
            default -> period.plusDays(1);
        };
    }

    private static TimeRange clipped(LocalDate from, LocalDate to, TimeRange range) {
        return new TimeRange(
                latest(from.atStartOfDay(ZoneOffset.UTC).toInstant(), range.from(), range.from()),
                earliest(to.atStartOfDay(ZoneOffset.UTC).toInstant(), range.to(), range.to()));
    }

    /**
     * Whether a bar starts in [from, to): at the session's open, or at a multiple of the bar's
     * length.
     */
    private static boolean aBarStarts(Instant from, Instant to, Instant open, BarSize barSize) {
        if (from.equals(open)) {
            return true;
        }
        long length = barSize.length().getSeconds();
        long second = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
        long aligned = second + Math.floorMod(-second, length);
        return Instant.ofEpochSecond(aligned).isBefore(to);
    }

    /** Adds a gap, joining it to the one before when they touch. */
    private static void add(List<TimeRange> gaps, TimeRange gap) {
        if (!gaps.isEmpty()) {
            TimeRange last = gaps.get(gaps.size() - 1);
            if (!gap.from().isAfter(last.to())) {
                gaps.set(
                        gaps.size() - 1,
                        new TimeRange(last.from(), latest(last.to(), gap.to(), gap.to())));
                return;
            }
        }
        gaps.add(gap);
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant min = a.isBefore(b) ? a : b;
        return min.isBefore(c) ? min : c;
    }
}

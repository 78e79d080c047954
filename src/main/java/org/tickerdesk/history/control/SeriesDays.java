package org.tickerdesk.history.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SeriesSpan;
import org.tickerdesk.history.entity.TimeRange;

/**
 * A series' span from its days: each day's first and last start and its count. When every day is
 * complete (its count is the number of bars from its first to its last start), the only holes are
 * between days, and the span follows from the days alone; otherwise it does not, and the bars of
 * the range have to be read for their holes.
 */
final class SeriesDays {

    private SeriesDays() {}

    /**
     * The span, or empty when a day has a hole inside (or bars off the bar size's grid).
     *
     * @param days each day's first and last start, in order
     * @param counts each day's number of bars
     */
    static Optional<SeriesSpan> span(List<Instant[]> days, List<Long> counts, BarSize barSize) {
        if (days.isEmpty()) {
            return Optional.of(SeriesSpan.empty());
        }
        long step = barSize.length().getSeconds();
        long total = 0;
        List<TimeRange> holes = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Instant first = days.get(i)[0];
            Instant last = days.get(i)[1];
            long seconds = Duration.between(first, last).getSeconds();
            if (seconds % step != 0
                    || seconds / step + 1 != counts.get(i)
                    || first.getNano() != last.getNano()) {
                return Optional.empty();
            }
            total += counts.get(i);
            if (i > 0) {
                Instant end = days.get(i - 1)[1].plus(barSize.length());
                if (first.isAfter(end)) {
                    holes.add(new TimeRange(end, first));
                }
            }
        }
        return Optional.of(
                new SeriesSpan(total, days.get(0)[0], days.get(days.size() - 1)[1], holes));
    }
}

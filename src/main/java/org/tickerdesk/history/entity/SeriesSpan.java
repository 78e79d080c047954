package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.List;

/**
 * What a range of one stored series looks like without its bars: how many bars start in it, the
 * first and last start (null when none), and the holes between stored bars longer than one bar,
 * each from the end of the bar before it to the start of the next, in order.
 */
public record SeriesSpan(long count, Instant first, Instant last, List<TimeRange> holes) {

    public SeriesSpan {
        holes = List.copyOf(holes);
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + count);
        }
        if ((count == 0) != (first == null) || (first == null) != (last == null)) {
            throw new IllegalArgumentException(
                    "First and last are known exactly when bars are: "
                            + count
                            + " bars, "
                            + first
                            + " to "
                            + last);
        }
        if (first != null && last.isBefore(first)) {
            throw new IllegalArgumentException(
                    "The last bar " + last + " is before the first " + first);
        }
        for (TimeRange hole : holes) {
            if (first == null || hole.from().isBefore(first) || hole.to().isAfter(last)) {
                throw new IllegalArgumentException(
                        "A hole must lie between the first and the last bar, not " + hole);
            }
        }
    }

    public static SeriesSpan empty() {
        return new SeriesSpan(0, null, null, List.of());
    }
}

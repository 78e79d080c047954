package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How much of a series is stored in a range: how many bars, the first and last start (null when
 * none), and the gaps, in order: each a stretch within the instrument's trading sessions where no
 * bar is stored and at least one would start. {@code calendar} says whose sessions those are (IB's
 * contract details, an exchange's rules, or "around the clock" for an exchange not known), so that
 * a reader can tell a real gap from a guess.
 */
public record CoverageReport(
        long count, Instant first, Instant last, List<TimeRange> gaps, String calendar) {

    public CoverageReport {
        Objects.requireNonNull(calendar, "calendar");
        gaps = List.copyOf(gaps);
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
        for (int i = 1; i < gaps.size(); i++) {
            if (!gaps.get(i).from().isAfter(gaps.get(i - 1).to())) {
                throw new IllegalArgumentException(
                        "Gaps come in order, apart (touching ones are one gap): "
                                + gaps.get(i - 1)
                                + ", "
                                + gaps.get(i));
            }
        }
    }
}

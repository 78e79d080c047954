package org.tickerdesk.history.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A stretch of time from {@code from} (inclusive) to {@code to} (exclusive). */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "A range must start before it ends: " + from + " to " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}

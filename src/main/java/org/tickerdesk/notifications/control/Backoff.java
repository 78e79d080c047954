package org.tickerdesk.notifications.control;

import java.time.Duration;
import java.util.Objects;

/**
 * The pause before a failed delivery's next attempt: the first pause after the first failure,
 * doubling with each failure after it, never longer than the cap. A channel marked failing waits
 * the cap every time.
 */
public record Backoff(Duration first, Duration cap) {

    public static final Backoff DEFAULT =
            new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException(
                    "The first pause is positive and the cap at least as long, not "
                            + first
                            + " and "
                            + cap);
        }
    }

    /** The pause after this many failures in a row (1 for the first). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("At least one failure, not " + failures);
        }
        Duration pause = first;
        for (int i = 1; i < failures; i++) {
            pause = pause.multipliedBy(2);
            if (pause.compareTo(cap) >= 0) {
                return cap;
            }
        }
        return pause;
    }
}

package org.tickerdesk.marketdata.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted move of one simulated symbol's price: to an absolute price {@code to}, or by {@code
 * changePercent} from where it stands (the other one {@code NaN}), in {@code steps} ticks spread
 * evenly over {@code duration}.
 */
public record SimulatedPath(
        String symbol, double to, double changePercent, Duration duration, int steps) {

    public static final Duration MAX_DURATION = Duration.ofHours(1);
    public static final int MAX_STEPS = 36_000;

    /** Steps are at least a millisecond apart. */
    public static final long MAX_STEPS_PER_SECOND = 1000;

    /** Without a number of steps, one every 100 ms. */
    public static final Duration DEFAULT_STEP = Duration.ofMillis(100);

    public SimulatedPath {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(duration, "duration");
        if (Double.isNaN(to) == Double.isNaN(changePercent)) {
            throw new IllegalArgumentException("Give either to or changePercent");
        }
        if (!Double.isNaN(to) && !(to > 0 && !Double.isInfinite(to))) {
            throw new IllegalArgumentException("to must be a price above zero, not " + to);
        }
        if (!Double.isNaN(changePercent)
                && !(changePercent > -100 && !Double.isInfinite(changePercent))) {
            throw new IllegalArgumentException(
                    "changePercent must be above -100, not " + changePercent);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(
                    "A path takes more than 0 s and at most an hour, not " + duration);
        }
        if (steps < 1 || steps > maxSteps(duration)) {
            throw new IllegalArgumentException(
                    "A path of " + duration + " has 1 to " + maxSteps(duration) + " steps");
        }
    }

    /** The most steps a path of this duration may have: 36000, and one per millisecond. */
    public static int maxSteps(Duration duration) {
        long perMillisecond = duration.toMillis() * MAX_STEPS_PER_SECOND / 1000;
        return (int) Math.max(1, Math.min(MAX_STEPS, perMillisecond));
    }

    /** One step per 100 ms, at least one. */
    public static int defaultSteps(Duration duration) {
        long steps = Math.round(duration.toNanos() / (double) DEFAULT_STEP.toNanos());
        return (int) Math.max(1, Math.min(MAX_STEPS, steps));
    }
}

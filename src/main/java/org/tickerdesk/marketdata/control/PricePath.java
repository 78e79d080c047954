package org.tickerdesk.marketdata.control;

import java.time.Duration;

/**
 * The arithmetic of a scripted move of one symbol's price: linear in price from {@code from} to
 * {@code to} in {@code steps} equal steps spread evenly over {@code duration}. Step {@code i} (1 to
 * {@code steps}) is due {@code duration * i / steps} after the start and moves the price to {@code
 * from + (to - from) * i / steps}; the last step lands on {@code to} exactly. Step 0 is the price
 * the path starts from, which is not sent again.
 */
record PricePath(double from, double to, int steps, Duration duration) {

    PricePath {
        if (!(from > 0) || !(to > 0) || Double.isInfinite(from) || Double.isInfinite(to)) {
            throw new IllegalArgumentException(
                    "A path runs between two prices above zero, not " + from + " and " + to);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("A path has at least one step, not " + steps);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("A path takes some time, not " + duration);
        }
    }

    /** The price {@code changePercent} % away from {@code from}: -5 from 180 is 171. */
    static double target(double from, double changePercent) {
        return from * (1 + changePercent / 100);
    }

    /** The price after step {@code step}. */
    double price(int step) {
        if (step < 0 || step > steps) {
            throw new IllegalArgumentException("No step " + step + " of " + steps);
        }
        return step == steps ? to : from + (to - from) * step / steps;
    }

    /** How long after the start step {@code step} is due, in nanoseconds. */
    long dueNanos(int step) {
        if (step < 0 || step > steps) {
            throw new IllegalArgumentException("No step " + step + " of " + steps);
        }
        return Math.multiplyExact(duration.toNanos(), step) / steps;
    }
}

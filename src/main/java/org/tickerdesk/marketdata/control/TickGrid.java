package org.tickerdesk.marketdata.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The price grid of one contract: turns a whole number of ticks into its price. Every price is the
 * double nearest its decimal value (172.34, never 172.34000000000003), so a consumer that prints or
 * compares it sees exactly the price an exchange would show.
 */
final class TickGrid {

    /** Beyond these the integer-over-power-of-ten route is no longer exact in a double. */
    private static final int MAX_EXACT_SCALE = 15;

    private static final long MAX_EXACT_NUMERATOR = 1L << 20;

    private final BigDecimal size;
    private final double tick;
    private final long numerator;
    private final double denominator;

    TickGrid(BigDecimal tickSize) {
        if (tickSize.signum() <= 0) {
            throw new IllegalArgumentException("The tick size must be greater than zero");
        }
        size = tickSize.stripTrailingZeros();
        tick = size.doubleValue();
        int scale = Math.max(size.scale(), 0);
        BigDecimal unscaled = size.movePointRight(scale);
        boolean exact =
                scale <= MAX_EXACT_SCALE
                        && unscaled.compareTo(BigDecimal.valueOf(MAX_EXACT_NUMERATOR)) <= 0;
        numerator = exact ? unscaled.longValueExact() : 0;
        denominator = exact ? Math.pow(10, scale) : 0;
    }

    double tick() {
        return tick;
    }

    /** The price of {@code ticks} ticks: one correctly rounded division of two exact doubles. */
    double price(long ticks) {
        return numerator == 0 ? ticks * tick : (ticks * numerator) / denominator;
    }

    /** How many ticks {@code price} is, as a fraction. */
    double ticks(double price) {
        return price / tick;
    }

    /**
     * The highest number of ticks whose price is still below 1: the top of a probability's grid.
     */
    long ticksBelowOne() {
        return BigDecimal.ONE.divide(size, 0, RoundingMode.CEILING).longValue() - 1;
    }
}

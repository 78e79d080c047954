package org.tickerdesk.trading.entity;

/**
 * How far from a reference price a level lies: a percent of the reference, or an amount of money.
 * Exactly one of the two is given, and it is positive; the rule using it says in which direction.
 */
public record Offset(Double percent, Double amount) {

    public Offset {
        if ((percent == null) == (amount == null)) {
            throw new IllegalArgumentException("An offset is a percent or an amount, one of them");
        }
        double value = percent != null ? percent : amount;
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException("An offset is positive: " + value);
        }
        if (percent != null && percent >= 100) {
            throw new IllegalArgumentException(
                    "An offset of 100 % or more takes the price to zero or below: " + percent);
        }
    }

    public static Offset percent(double percent) {
        return new Offset(percent, null);
    }

    public static Offset amount(double amount) {
        return new Offset(null, amount);
    }

    /** The distance in money from the reference price. */
    public double from(double reference) {
        return percent != null ? reference * percent / 100 : amount;
    }
}

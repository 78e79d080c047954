package org.tickerdesk.trading.entity;

/**
 * Where a level lies: a percent of a reference price away from it, an amount of money away from it,
 * or at a price given outright. Exactly one of the three is given, and it is positive; the rule
 * using it says in which direction a distance goes.
 */
public record Offset(Double percent, Double amount, Double price) {

    public Offset {
        int given = (percent != null ? 1 : 0) + (amount != null ? 1 : 0) + (price != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(
                    "Give one of percent, amount or price, not " + given);
        }
        double value = percent != null ? percent : amount != null ? amount : price;
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException("Must be a number above zero, not " + value);
        }
        if (percent != null && percent >= 100) {
            throw new IllegalArgumentException(
                    "A percent of 100 or more takes the price to zero or below: " + percent);
        }
    }

    public static Offset percent(double percent) {
        return new Offset(percent, null, null);
    }

    public static Offset amount(double amount) {
        return new Offset(null, amount, null);
    }

    public static Offset price(double price) {
        return new Offset(null, null, price);
    }

    /** True when this is a distance (percent or amount), not a price. */
    public boolean isDistance() {
        return price == null;
    }

    /** The distance in money from the reference price; for a price, how far it lies from it. */
    public double from(double reference) {
        if (percent != null) {
            return reference * percent / 100;
        }
        return amount != null ? amount : Math.abs(reference - price);
    }

    /**
     * The level: the price itself, or the distance from the reference in the direction {@code sign}
     * (+1 up, -1 down).
     */
    public double level(double reference, int sign) {
        return price != null ? price : reference + sign * from(reference);
    }
}

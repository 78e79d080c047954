package org.tickerdesk.analytics.entity;

import java.util.Objects;

/**
 * One trade as analytics counts it: a price, a size and the source's time (epoch microseconds). A
 * midpoint stands in for the trades of an instrument that is quoted but never traded (FX); it has
 * size zero.
 */
public record Trade(
        String symbol, double price, long size, long timestampMicros, boolean midpoint) {

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        if (!Double.isFinite(price) || price <= 0) {
            throw new IllegalArgumentException("A trade's price is positive, not " + price);
        }
        if (size < 0) {
            throw new IllegalArgumentException("A trade's size cannot be negative: " + size);
        }
        if (midpoint && size != 0) {
            throw new IllegalArgumentException("A midpoint has no size, not " + size);
        }
    }
}

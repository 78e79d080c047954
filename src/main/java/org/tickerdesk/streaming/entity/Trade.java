package org.tickerdesk.streaming.entity;

import java.util.Objects;

/**
 * One trade of a symbol as a quote revealed it: its price and size, the day's volume after it, and
 * when the source reported it (epoch microseconds).
 */
public record Trade(String symbol, double price, long size, long volume, long timestampMicros) {

    public Trade {
        Objects.requireNonNull(symbol, "symbol");
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(
                    "A trade of " + symbol + " needs a price, not " + price);
        }
        if (size <= 0) {
            throw new IllegalArgumentException(
                    "A trade of " + symbol + " has a positive size, not " + size);
        }
        if (volume < size) {
            throw new IllegalArgumentException(
                    "The day's volume of "
                            + symbol
                            + " ("
                            + volume
                            + ") cannot be less than its trade ("
                            + size
                            + ")");
        }
    }
}

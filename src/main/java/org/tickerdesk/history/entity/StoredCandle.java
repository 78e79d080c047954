package org.tickerdesk.history.entity;

import java.util.Objects;

/**
 * A stored bar as a chart draws it: its start in epoch milliseconds and its prices and volume as
 * the database's decimal text without trailing zeros ({@code "189.1"}, {@code "12000"}), exactly as
 * stored and ready to be written into JSON. {@code volume} is null where the series has none.
 */
public record StoredCandle(
        long startMillis, String open, String high, String low, String close, String volume) {

    public StoredCandle {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
    }
}

package org.tickerdesk.history.entity;

import java.util.Objects;

/**
 * Stored bars as a chart takes them, written by the database: how many, and their JSON objects
 * separated by commas, oldest first, {@code {"t":…,"o":…,"h":…,"l":…,"c":…,"v":…}} with the start
 * in epoch milliseconds, the decimals as stored without trailing zeros and {@code "v":null} where
 * the series has no volume. A chart asks for thousands of bars at a time; as one text they cost the
 * server one string rather than a handful of objects per bar.
 */
public record StoredCandles(int count, String json) {

    public static final StoredCandles NONE = new StoredCandles(0, "");

    public StoredCandles {
        Objects.requireNonNull(json, "json");
        if (count < 0 || (count == 0) != json.isEmpty()) {
            throw new IllegalArgumentException(
                    "Stored candles are none with no text, or some with their text: " + count);
        }
    }

    public boolean isEmpty() {
        return count == 0;
    }
}

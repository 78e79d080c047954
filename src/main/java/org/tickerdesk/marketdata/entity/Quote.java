package org.tickerdesk.marketdata.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The state of one symbol's market after a tick: best bid and ask with their sizes, the last trade,
 * the day's cumulative volume, and when the source produced it (epoch microseconds). Prices are
 * doubles, as every market-data wire delivers them; a price a source did not send yet is {@code
 * NaN}.
 */
public record Quote(
        String symbol,
        double bid,
        double ask,
        double last,
        long bidSize,
        long askSize,
        long lastSize,
        long volume,
        long timestampMicros,
        MarketDataType type)
        implements Serializable {

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(type, "type");
        if (bidSize < 0 || askSize < 0 || lastSize < 0 || volume < 0) {
            throw new IllegalArgumentException("Sizes and volume cannot be negative");
        }
        if (!Double.isNaN(bid) && !Double.isNaN(ask) && bid > ask) {
            throw new IllegalArgumentException(
                    "Crossed quote for " + symbol + ": bid " + bid + " > ask " + ask);
        }
    }

    /** The wall clock in epoch microseconds, the unit of {@link #timestampMicros()}. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** The source time in epoch milliseconds with the microseconds as a fraction, as streamed. */
    public double timestampMillis() {
        return timestampMicros / 1000.0;
    }
}

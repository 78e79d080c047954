package org.tickerdesk.analytics.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tickerdesk.history.entity.BarSize;

/**
 * An indicator's values at the candle starting at {@code time}: one per component of its type (a
 * single {@code value}; MACD's macd, signal and histogram; Bollinger's upper, middle and lower),
 * NaN where the series has too few bars yet. {@code closed} says whether that candle is final, so a
 * value of a forming candle may still change.
 */
public record IndicatorValue(
        String symbol,
        BarSize interval,
        IndicatorSpec spec,
        Instant time,
        boolean closed,
        List<Double> values) {

    public IndicatorValue {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(time, "time");
        values = List.copyOf(values);
        if (values.size() != spec.type().components().size()) {
            throw new IllegalArgumentException(
                    spec.name()
                            + " has "
                            + spec.type().components().size()
                            + " values, not "
                            + values.size());
        }
    }

    /** Whether every value is there (the series was long enough). */
    public boolean complete() {
        return values.stream().noneMatch(v -> v.isNaN());
    }
}

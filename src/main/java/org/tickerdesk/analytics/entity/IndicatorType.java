package org.tickerdesk.analytics.entity;

import java.util.List;
import java.util.Locale;

/**
 * The indicators analytics computes, each with its usual default period and the names of the values
 * it gives. MACD's periods are fixed at 12, 26 and 9 and take no other. VWAP without a period is
 * the session's: anchored at 00:00 UTC, the start of the day of the 1d candle, as charting
 * platforms reset it each session; with a period it is rolling over that many bars.
 */
public enum IndicatorType {
    SMA(20, List.of("value")),
    EMA(20, List.of("value")),
    RSI(14, List.of("value")),
    MACD(0, List.of("macd", "signal", "histogram")),
    BB(20, List.of("upper", "middle", "lower")),
    ATR(14, List.of("value")),
    VWAP(0, List.of("value"));

    private final int defaultPeriod;
    private final List<String> components;

    IndicatorType(int defaultPeriod, List<String> components) {
        this.defaultPeriod = defaultPeriod;
        this.components = components;
    }

    /** The period when none is named; 0 where the indicator has none of its own (MACD, VWAP). */
    public int defaultPeriod() {
        return defaultPeriod;
    }

    /** The names of its values, in the order they are given. */
    public List<String> components() {
        return components;
    }

    /** Whether a period may follow the name: all but MACD. */
    public boolean takesPeriod() {
        return this != MACD;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

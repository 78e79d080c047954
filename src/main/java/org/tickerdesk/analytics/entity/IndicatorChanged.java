package org.tickerdesk.analytics.entity;

import java.util.Objects;

/**
 * An indicator somebody wants has a new value, after its candle changed; fired on analytics' own
 * thread, never the feed's.
 */
public record IndicatorChanged(IndicatorValue value) {

    public IndicatorChanged {
        Objects.requireNonNull(value, "value");
    }
}

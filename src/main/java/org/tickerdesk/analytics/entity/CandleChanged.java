package org.tickerdesk.analytics.entity;

import java.util.Objects;

/**
 * A candle was opened, updated or closed; fired on analytics' own thread, never the feed's. A
 * closed candle is fired once.
 */
public record CandleChanged(Candle candle) {

    public CandleChanged {
        Objects.requireNonNull(candle, "candle");
    }
}

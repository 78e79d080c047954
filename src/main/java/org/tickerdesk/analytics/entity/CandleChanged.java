package org.tickerdesk.analytics.entity;

import java.util.List;
import java.util.Objects;

/**
 * The candles one trade opened, updated or closed, one per interval, as one event: a trade changes
 * the forming candle of every interval at once, and an event each cost five dispatches per tick.
 * Fired on analytics' own thread, never the feed's; a closed candle is fired once.
 */
public record CandleChanged(List<Candle> candles) {

    public CandleChanged {
        candles = List.copyOf(Objects.requireNonNull(candles, "candles"));
        if (candles.isEmpty()) {
            throw new IllegalArgumentException("A change changes at least one candle");
        }
    }
}

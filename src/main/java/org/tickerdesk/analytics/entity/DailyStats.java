package org.tickerdesk.analytics.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * One symbol's last 24 hours up to {@code asOf}: {@code open} is the price 24 hours ago (the last
 * trade before the window, or the window's first when nothing older is known), high, low and last
 * within it, the change from open to last in price and percent, the volume, the trades counted and
 * the volume-weighted average price (NaN without volume, as for midpoints).
 */
public record DailyStats(
        String symbol,
        Instant from,
        Instant asOf,
        double open,
        double high,
        double low,
        double last,
        long volume,
        long trades,
        double vwap) {

    public DailyStats {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(asOf, "asOf");
        if (!from.isBefore(asOf)) {
            throw new IllegalArgumentException("The window starts before it ends");
        }
        if (!(low <= last && last <= high) || !(open > 0)) {
            throw new IllegalArgumentException(
                    "The last price lies between low and high, and open is positive: o "
                            + open
                            + " h "
                            + high
                            + " l "
                            + low
                            + " last "
                            + last);
        }
        if (volume < 0 || trades < 1) {
            throw new IllegalArgumentException(
                    "Stats count at least one trade and no negative volume");
        }
    }

    public double change() {
        return last - open;
    }

    /** The change in percent of the open. */
    public double changePercent() {
        return change() / open * 100;
    }
}

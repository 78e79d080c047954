package org.tickerdesk.analytics.entity;

import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.history.entity.BarSize;

/**
 * One symbol's prices over one interval from {@code start}: open, high, low and close, the volume
 * and number of trades in it, whether it is closed (final) or still forming, and the source time of
 * its latest trade (epoch microseconds). A candle of midpoints has volume zero.
 */
public record Candle(
        String symbol,
        BarSize interval,
        Instant start,
        double open,
        double high,
        double low,
        double close,
        long volume,
        long trades,
        boolean closed,
        long lastTradeMicros) {

    public Candle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(start, "start");
        if (!(low <= open && open <= high && low <= close && close <= high)) {
            throw new IllegalArgumentException(
                    "A candle's open and close lie between its low and high: o "
                            + open
                            + " h "
                            + high
                            + " l "
                            + low
                            + " c "
                            + close);
        }
        if (volume < 0 || trades < 1) {
            throw new IllegalArgumentException(
                    "A candle has at least one trade and no negative volume: "
                            + trades
                            + " trades, volume "
                            + volume);
        }
    }

    /** A forming candle opened by one trade. */
    public static Candle opened(BarSize interval, Instant start, Trade trade) {
        return new Candle(
                trade.symbol(),
                interval,
                start,
                trade.price(),
                trade.price(),
                trade.price(),
                trade.price(),
                trade.size(),
                1,
                false,
                trade.timestampMicros());
    }

    /**
     * The candle with one more trade of its period. The close is the price of the trade with the
     * latest source time, so a trade that arrives after a later one changes only high, low, volume
     * and count.
     */
    public Candle with(Trade trade) {
        boolean latest = trade.timestampMicros() >= lastTradeMicros;
        return new Candle(
                symbol,
                interval,
                start,
                open,
                Math.max(high, trade.price()),
                Math.min(low, trade.price()),
                latest ? trade.price() : close,
                volume + trade.size(),
                trades + 1,
                false,
                Math.max(lastTradeMicros, trade.timestampMicros()));
    }

    public Candle closedNow() {
        return new Candle(
                symbol,
                interval,
                start,
                open,
                high,
                low,
                close,
                volume,
                trades,
                true,
                lastTradeMicros);
    }

    /** When the period ends: the next candle's start. */
    public Instant end() {
        return start.plus(interval.length());
    }
}

package org.tickerdesk.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.analytics.entity.DailyStats;
import org.tickerdesk.analytics.entity.Trade;

/**
 * Rolling 24-hour statistics of every symbol, from its trades in minute buckets (by source time):
 * the window is the 1,440 minutes up to and including the minute of {@code now}, and the price 24
 * hours ago is the close of the newest bucket before them. One bucket older than the window is kept
 * for that; a symbol is at most 1,441 buckets. Until the server has run a day the price 24 hours
 * ago is the first one it saw. A trade older than the symbol's newest bucket goes into its own
 * minute's bucket when that is still kept (the close is then the latest by source time), and is
 * otherwise dropped. Not thread-safe.
 */
public final class DailyWindow {

    static final Duration WINDOW = Duration.ofHours(24);
    private static final long MINUTE_MICROS = 60_000_000L;
    private static final long WINDOW_MINUTES = WINDOW.toMinutes();

    private static final class Bucket {
        final long minute;
        double open;
        double high;
        double low;
        double close;
        long closeMicros;
        long volume;
        double notional;
        long trades;

        Bucket(long minute, Trade first) {
            this.minute = minute;
            open = high = low = close = first.price();
            closeMicros = first.timestampMicros();
            add(first, false);
        }

        void add(Trade trade, boolean count) {
            if (count) {
                high = Math.max(high, trade.price());
                low = Math.min(low, trade.price());
                if (trade.timestampMicros() >= closeMicros) {
                    close = trade.price();
                    closeMicros = trade.timestampMicros();
                }
            }
            volume += trade.size();
            notional += trade.price() * trade.size();
            trades++;
        }
    }

    private final Map<String, Deque<Bucket>> symbols = new HashMap<>();

    public void accept(Trade trade) {
        long minute = Math.floorDiv(trade.timestampMicros(), MINUTE_MICROS);
        Deque<Bucket> buckets = symbols.computeIfAbsent(trade.symbol(), s -> new ArrayDeque<>());
        Bucket newest = buckets.peekLast();
        if (newest == null || minute > newest.minute) {
            buckets.addLast(new Bucket(minute, trade));
            prune(buckets, minute);
            return;
        }
        for (Iterator<Bucket> older = buckets.descendingIterator(); older.hasNext(); ) {
            Bucket bucket = older.next();
            if (bucket.minute == minute) {
                bucket.add(trade, true);
                return;
            }
        }
    }

    /** The symbol's last 24 hours; empty when it has no trade in them. */
    public Optional<DailyStats> stats(String symbol, Instant now) {
        Deque<Bucket> buckets = symbols.get(symbol);
        if (buckets == null) {
            return Optional.empty();
        }
        long nowMinute = Math.floorDiv(micros(now), MINUTE_MICROS);
        long first = nowMinute - WINDOW_MINUTES + 1;
        prune(buckets, nowMinute);
        Bucket before = null;
        Bucket last = null;
        double open = Double.NaN;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        long volume = 0;
        long trades = 0;
        double notional = 0;
        for (Bucket bucket : buckets) {
            if (bucket.minute < first) {
                before = bucket;
            } else if (bucket.minute <= nowMinute) {
                if (Double.isNaN(open)) {
                    open = before == null ? bucket.open : before.close;
                }
                high = Math.max(high, bucket.high);
                low = Math.min(low, bucket.low);
                volume += bucket.volume;
                notional += bucket.notional;
                trades += bucket.trades;
                last = bucket;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(
                new DailyStats(
                        symbol,
                        now.minus(WINDOW),
                        now,
                        open,
                        high,
                        low,
                        last.close,
                        volume,
                        trades,
                        volume == 0 ? Double.NaN : notional / volume));
    }

    /** Keeps one bucket older than the window ending at {@code minute}, for the price then. */
    private static void prune(Deque<Bucket> buckets, long minute) {
        long first = minute - WINDOW_MINUTES + 1;
        while (buckets.size() > 1) {
            Iterator<Bucket> oldest = buckets.iterator();
            oldest.next();
            if (oldest.next().minute < first) {
                buckets.removeFirst();
            } else {
                return;
            }
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }
}

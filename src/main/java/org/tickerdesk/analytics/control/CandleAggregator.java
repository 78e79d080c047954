package org.tickerdesk.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.Trade;
import org.tickerdesk.history.entity.BarSize;

/**
 * Builds live candles of {@link #INTERVALS} from trades, by each trade's source time, not when it
 * arrived. A period starts at a whole multiple of its length since the epoch in UTC, so minutes and
 * hours start on the clock's, and a day at 00:00 UTC, as history's simulated source aligns its
 * bars.
 *
 * <p>Each trade updates the forming candle of every interval. A trade of a later period closes the
 * forming candle (given out once, closed) and opens the next. A trade of a period already closed is
 * late: it changes nothing and is counted, once however many intervals it missed; it still counts
 * for a longer interval whose period is open. {@link #closeDue} closes the candles whose period has
 * ended with no trade after it, a grace after their end so that a trade on its way from the source
 * is not made late by the clock. Not thread-safe: the caller serialises.
 */
public final class CandleAggregator {

    public static final List<BarSize> INTERVALS =
            List.of(BarSize.MIN_1, BarSize.MIN_5, BarSize.MIN_15, BarSize.HOUR_1, BarSize.DAY_1);

    /** An interval's forming candle (null once closed) and the start of its latest period. */
    private static final class Slot {
        Candle forming;
        Instant latest;
    }

    private final Duration grace;
    private final Map<String, Slot[]> symbols = new HashMap<>();
    private long late;

    public CandleAggregator(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("The grace cannot be negative: " + grace);
        }
        this.grace = grace;
    }

    /** Where the period of {@code interval} holding the instant {@code micros} starts. */
    public static Instant periodStart(BarSize interval, long micros) {
        long length = interval.length().toNanos() / 1000;
        return Instant.EPOCH.plusNanos(Math.floorDiv(micros, length) * length * 1000);
    }

    /** The candles the trade changed, in interval order; a closed one before its successor. */
    public List<Candle> accept(Trade trade) {
        Slot[] slots = symbols.computeIfAbsent(trade.symbol(), s -> newSlots());
        List<Candle> changed = new ArrayList<>(INTERVALS.size() + 1);
        boolean wasLate = false;
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[i];
            Instant start = periodStart(INTERVALS.get(i), trade.timestampMicros());
            int order = slot.latest == null ? 1 : start.compareTo(slot.latest);
            if (order < 0 || (order == 0 && slot.forming == null)) {
                wasLate = true;
            } else if (order == 0) {
                slot.forming = slot.forming.with(trade);
                changed.add(slot.forming);
            } else {
                if (slot.forming != null) {
                    changed.add(slot.forming.closedNow());
                }
                slot.forming = Candle.opened(INTERVALS.get(i), start, trade);
                slot.latest = start;
                changed.add(slot.forming);
            }
        }
        if (wasLate) {
            late++;
        }
        return changed;
    }

    /** Closes every forming candle that ended at least the grace before {@code now}. */
    public List<Candle> closeDue(Instant now) {
        Instant ended = now.minus(grace);
        List<Candle> closed = new ArrayList<>();
        for (Slot[] slots : symbols.values()) {
            for (Slot slot : slots) {
                if (slot.forming != null && !slot.forming.end().isAfter(ended)) {
                    closed.add(slot.forming.closedNow());
                    slot.forming = null;
                }
            }
        }
        return closed;
    }

    /** The candle of the symbol's interval still forming, if one is. */
    public Optional<Candle> forming(String symbol, BarSize interval) {
        Slot[] slots = symbols.get(symbol);
        int i = INTERVALS.indexOf(interval);
        return slots == null || i < 0 ? Optional.empty() : Optional.ofNullable(slots[i].forming);
    }

    /** Trades ignored since the start because their period was already closed. */
    public long lateTrades() {
        return late;
    }

    private static Slot[] newSlots() {
        Slot[] slots = new Slot[INTERVALS.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
        return slots;
    }
}

package org.tickerdesk.marketdata.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts ticks and tells the rate over the last completed second. Cheap enough to call on every
 * tick: one adder increment, and a bucket switch once a second.
 */
@ApplicationScoped
public class TickMeter {

    private final LongAdder total = new LongAdder();
    private final LongAdder current = new LongAdder();
    private final AtomicLong currentSecond = new AtomicLong(epochSecond());
    private volatile long lastSecondCount;

    public void tick() {
        roll();
        total.increment();
        current.increment();
    }

    public long total() {
        return total.sum();
    }

    /** Ticks counted in the last completed second (0 when none arrived for a while). */
    public long perSecond() {
        roll();
        return currentSecond.get() == epochSecond() ? lastSecondCount : 0;
    }

    private void roll() {
        long now = epochSecond();
        long second = currentSecond.get();
        if (now != second && currentSecond.compareAndSet(second, now)) {
            long counted = current.sumThenReset();
            lastSecondCount = now == second + 1 ? counted : 0;
        }
    }

    private static long epochSecond() {
        return System.currentTimeMillis() / 1000;
    }
}

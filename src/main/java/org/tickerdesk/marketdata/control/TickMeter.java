package org.tickerdesk.marketdata.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Counter;

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
    private volatile Counter published;

    public void tick() {
        roll();
        total.increment();
        current.increment();
        Counter counter = published;
        if (counter != null) {
            counter.inc();
        }
    }

    /**
     * Every later tick is also counted into {@code counter} (the metrics' ticks total), here on the
     * tick path's one call rather than by a second observer of every quote.
     */
    public void publishTo(Counter counter) {
        published = counter;
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

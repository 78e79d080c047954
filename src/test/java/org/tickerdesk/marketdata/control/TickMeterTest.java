package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.Test;

class TickMeterTest {

    @Test
    void countsEveryTick() {
        TickMeter meter = new TickMeter();
        for (int i = 0; i < 1000; i++) {
            meter.tick();
        }
        assertEquals(1000, meter.total());
    }

    @Test
    void ticksAfterPublishingAreCountedIntoTheMetricToo() {
        TickMeter meter = new TickMeter();
        meter.tick();
        AtomicLong published = new AtomicLong();
        meter.publishTo(
                new Counter() {
                    @Override
                    public void inc() {
                        published.incrementAndGet();
                    }

                    @Override
                    public void inc(long n) {
                        published.addAndGet(n);
                    }

                    @Override
                    public long getCount() {
                        return published.get();
                    }
                });
        meter.tick();
        meter.tick();
        assertEquals(3, meter.total());
        assertEquals(2, published.get());
    }

    @Test
    void tellsTheRateOfTheLastCompletedSecond() throws InterruptedException {
        TickMeter meter = new TickMeter();
        long second = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 == second) {
            Thread.sleep(5);
        }
        for (int i = 0; i < 500; i++) {
            meter.tick();
        }
        long next = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 == next) {
            Thread.sleep(5);
        }
        assertEquals(500, meter.perSecond());
    }
}

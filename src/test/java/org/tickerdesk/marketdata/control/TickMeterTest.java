package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The copy stop-loss: allocation 10,000 and 20 % pause following at a P&L of −2,000 or below. */
class CopyStopLossTest {

    private static final BigDecimal ALLOCATION = new BigDecimal("10000");
    private static final BigDecimal TWENTY = new BigDecimal("20");

    private static boolean paused(String pnl) {
        return CopyStopLoss.paused(ALLOCATION, TWENTY, new BigDecimal(pnl));
    }

    @Test
    void theThresholdIsThePercentOfTheAllocationBelowZero() {
        // 20 % × 10,000 = 2,000 below zero
        assertEquals(
                0, new BigDecimal("-2000").compareTo(CopyStopLoss.threshold(ALLOCATION, TWENTY)));
        // 12.5 % × 10,000 = 1,250
        assertEquals(
                0,
                new BigDecimal("-1250")
                        .compareTo(CopyStopLoss.threshold(ALLOCATION, new BigDecimal("12.5"))));
        // 100 %: the whole allocation
        assertEquals(
                0,
                new BigDecimal("-10000")
                        .compareTo(CopyStopLoss.threshold(ALLOCATION, new BigDecimal("100"))));
    }

    @Test
    void exactlyAtTheThresholdIsPaused() {
        assertTrue(paused("-2000.00"));
    }

    @Test
    void belowTheThresholdIsPaused() {
        assertTrue(paused("-2000.01"));
        assertTrue(paused("-9000"));
    }

    @Test
    void aCentAboveTheThresholdIsNotPaused() {
        assertFalse(paused("-1999.99"));
    }

    @Test
    void aProfitOrNothingIsNotPaused() {
        assertFalse(paused("0"));
        assertFalse(paused("500"));
    }

    @Test
    void withoutAStopLossNothingPauses() {
        assertNull(CopyStopLoss.threshold(ALLOCATION, null));
        assertFalse(CopyStopLoss.paused(ALLOCATION, null, new BigDecimal("-10000")));
    }
}

package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The leader's P&amp;L from sums, checked against the same trades worked out by hand trade by
 * trade, FIFO and average cost: both give the same realised plus unrealised.
 */
class LeaderPnlTest {

    @Test
    void aPartialExitIsRealisedPlusTheRestAtTheLastPrice() {
        // BUY 10 @ 100, BUY 10 @ 110, SELL 15 @ 120 (the last trade).
        // FIFO: 10 × (120 − 100) + 5 × (120 − 110) = 250 realised; 5 left at 110, worth
        // 5 × (120 − 110) = 50 more: 300. Average cost 105: 15 × 15 = 225 + 5 × 15 = 75: 300.
        // Sums: sold 1,800, bought 2,100, held 5: 1,800 − 2,100 + 5 × 120 = 300.
        assertEquals(0, d("300").compareTo(LeaderPnl.of(d("1800"), d("2100"), d("5"), d("120"))));
    }

    @Test
    void aShortCoveredAndTurnedLong() {
        // SELL 5 @ 50, BUY 8 @ 45 (the last trade): FIFO covers 5 for 5 × 5 = 25 and opens 3
        // long at 45, worth 0 at 45: 25. Sums: 250 − 360 + 3 × 45 = 25.
        assertEquals(0, d("25").compareTo(LeaderPnl.of(d("250"), d("360"), d("3"), d("45"))));
    }

    @Test
    void anOpenShortIsMarkedBelowZeroQuantity() {
        // SELL 4 @ 20, SELL 2 @ 23 (the last trade): 6 short, worth 4 × (20 − 23) = −12 against
        // the last price: 126 − 0 − 6 × 23 = −12.
        assertEquals(0, d("-12").compareTo(LeaderPnl.of(d("126"), d("0"), d("-6"), d("23"))));
    }

    @Test
    void aFlatSymbolNeedsNoPrice() {
        // BUY 2 @ 10, SELL 2 @ 9: −2, whatever the last price.
        assertEquals(0, d("-2").compareTo(LeaderPnl.of(d("18"), d("20"), d("0"), null)));
    }

    @Test
    void aHoldingWithoutAPriceIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> LeaderPnl.of(d("0"), d("10"), d("1"), null));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}

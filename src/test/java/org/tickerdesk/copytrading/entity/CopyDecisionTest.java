package org.tickerdesk.copytrading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.trading.entity.Side;

class CopyDecisionTest {

    @Test
    void aCopysValueIsQuantityTimesPrice() {
        CopyDecision copy =
                CopyDecision.copy(
                        Side.BUY, new BigDecimal("4"), Effect.OPENS, new BigDecimal("100.10"), "");
        // 4 × 100.10 = 400.40
        assertEquals(new BigDecimal("400.40"), copy.value());
        assertNull(CopyDecision.skip(SkipReason.TOO_OLD, "").value());
    }

    @Test
    void aCopyIsWholeUnitsAboveZero() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        CopyDecision.copy(
                                Side.BUY, new BigDecimal("1.5"), Effect.OPENS, BigDecimal.ONE, ""));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        CopyDecision.copy(
                                Side.BUY, BigDecimal.ZERO, Effect.OPENS, BigDecimal.ONE, ""));
        // 3.00 is whole
        assertEquals(
                new BigDecimal("3.00"),
                CopyDecision.copy(
                                Side.BUY, new BigDecimal("3.00"), Effect.OPENS, BigDecimal.ONE, "")
                        .quantity());
    }

    @Test
    void onlyTheReasonsThatWaitWait() {
        assertThrows(
                IllegalArgumentException.class, () -> CopyDecision.waiting(SkipReason.TOO_OLD, ""));
        assertThrows(
                IllegalArgumentException.class, () -> CopyDecision.skip(SkipReason.NO_QUOTE, ""));
        assertEquals(
                CopyDecision.Status.WAITING,
                CopyDecision.waiting(SkipReason.MARKET_CLOSED, "").status());
    }
}

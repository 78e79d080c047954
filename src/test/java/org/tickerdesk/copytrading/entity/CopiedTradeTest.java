package org.tickerdesk.copytrading.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.trading.entity.Side;

class CopiedTradeTest {

    private static final Instant T0 = Instant.parse("2026-11-30T15:00:00Z");

    private static CopiedTrade trade(Instant fillTime, BigDecimal fillPrice) {
        return new CopiedTrade(
                T0, BigDecimal.TEN, T0, fillTime, fillPrice, Side.BUY, BigDecimal.ONE, null);
    }

    @Test
    void aFillHasBothATimeAndAPriceOrNeither() {
        assertTrue(trade(T0, BigDecimal.TEN).filled());
        assertFalse(trade(null, null).filled());
        assertThrows(IllegalArgumentException.class, () -> trade(T0, null));
        assertThrows(IllegalArgumentException.class, () -> trade(null, BigDecimal.TEN));
    }

    @Test
    void pricesAndQuantityAreAboveZero() {
        assertThrows(IllegalArgumentException.class, () -> trade(T0, BigDecimal.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new CopiedTrade(
                                T0,
                                BigDecimal.TEN,
                                T0,
                                null,
                                null,
                                Side.BUY,
                                BigDecimal.ZERO,
                                null));
    }
}

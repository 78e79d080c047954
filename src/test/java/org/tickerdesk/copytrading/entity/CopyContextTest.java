package org.tickerdesk.copytrading.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyContextTest {

    private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

    @Test
    void holdingsAndPnlMayBeNegativeExposureAndCountsNot() {
        // a copied short, a leader short, a loss: all fine
        assertDoesNotThrow(
                () ->
                        new CopyContext(
                                NOW,
                                null,
                                true,
                                BigDecimal.ZERO,
                                0,
                                new BigDecimal("-50"),
                                new BigDecimal("-5"),
                                new BigDecimal("-10")));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new CopyContext(
                                NOW,
                                null,
                                true,
                                new BigDecimal("-1"),
                                0,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new CopyContext(
                                NOW,
                                null,
                                true,
                                BigDecimal.ZERO,
                                -1,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO));
    }
}

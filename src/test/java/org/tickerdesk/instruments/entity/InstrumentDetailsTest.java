package org.tickerdesk.instruments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InstrumentDetailsTest {

    @Test
    void blanksAreNoneAndAMultiplierIsPlain() {
        InstrumentDetails details =
                new InstrumentDetails(1, new BigDecimal("50.000"), " ", "", "  ", null);
        assertEquals("50", details.multiplier().toPlainString());
        assertEquals("50", details.multiplier().toString());
        assertNull(details.longName());
        assertNull(details.timeZone());
        assertNull(details.tradingHours());
    }

    @Test
    void aTooLongNameIsCutButTooLongHoursAreRefused() {
        assertEquals(
                200,
                new InstrumentDetails(1, null, "N".repeat(300), null, null, null)
                        .longName()
                        .length());
        assertThrows(
                IllegalArgumentException.class,
                () -> new InstrumentDetails(1, null, null, null, "x".repeat(10_001), null));
    }

    @Test
    void aContractIdAndAMultiplierArePositive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new InstrumentDetails(0, null, null, null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new InstrumentDetails(1, BigDecimal.ZERO, null, null, null, null));
    }
}

package org.tickerdesk.history.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A bar that exists is a possible one; anything else is refused with what is wrong and when. */
class BarTest {

    private static final Instant START = Instant.parse("2025-11-20T14:30:00Z");

    private static Bar bar(String open, String high, String low, String close) {
        return new Bar(START, p(open), p(high), p(low), p(close), p("12000"), p("189.31"), 95);
    }

    private static BigDecimal p(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static void refused(String expected, Runnable construction) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, construction::run);
        assertEquals("Bar at 2025-11-20T14:30:00Z: " + expected, e.getMessage());
    }

    @Test
    void openAndCloseLieBetweenLowAndHigh() {
        Bar bar = bar("189.10", "189.60", "189.00", "189.50");
        assertEquals(new BigDecimal("189.60"), bar.high());
        bar("189.00", "189.00", "189.00", "189.00");
        refused(
                "open 189.70 is above high 189.60",
                () -> bar("189.70", "189.60", "189.00", "189.50"));
        refused(
                "open 188.90 is below low 189.00",
                () -> bar("188.90", "189.60", "189.00", "189.50"));
        refused(
                "close 189.61 is above high 189.60",
                () -> bar("189.10", "189.60", "189.00", "189.61"));
        refused(
                "close 188.99 is below low 189.00",
                () -> bar("189.10", "189.60", "189.00", "188.99"));
        refused(
                "low 189.70 is above high 189.60",
                () -> bar("189.65", "189.60", "189.70", "189.65"));
    }

    @Test
    void pricesMayBeZeroAsABidSeriesIsWhileNobodyBidsButNeverNegative() {
        assertEquals(BigDecimal.ZERO, bar("0", "0.05", "0", "0.05").low());
        refused("low -1 is negative", () -> bar("0", "0.05", "-1", "0.05"));
        refused("it has no close", () -> bar("0", "0.05", "0", null));
    }

    @Test
    void volumeWapAndCountMayBeMissingButNotNegative() {
        Bar midpoint = new Bar(START, p("1"), p("2"), p("1"), p("2"), null, null, null);
        assertNull(midpoint.volume());
        assertNull(midpoint.count());
        refused(
                "volume -1 is negative",
                () -> new Bar(START, p("1"), p("2"), p("1"), p("2"), p("-1"), null, null));
        refused(
                "WAP -0.5 is negative",
                () -> new Bar(START, p("1"), p("2"), p("1"), p("2"), null, p("-0.5"), null));
        refused(
                "trade count -1 is negative",
                () -> new Bar(START, p("1"), p("2"), p("1"), p("2"), null, null, -1));
    }

    @Test
    void aBarNeedsItsStart() {
        assertThrows(
                NullPointerException.class,
                () -> new Bar(null, p("1"), p("2"), p("1"), p("2"), null, null, null));
    }
}

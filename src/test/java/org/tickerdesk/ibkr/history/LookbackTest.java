package org.tickerdesk.ibkr.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookbacks are spelled as IB spells a duration, and nothing else is taken. */
class LookbackTest {

    @Test
    void lookbacksInSecondsDaysWeeksMonthsAndYears() {
        assertEquals(new Lookback(3600, Lookback.Unit.S), Lookback.parse("3600 S"));
        assertEquals(new Lookback(1, Lookback.Unit.D), Lookback.parse(" 1 D "));
        assertEquals(new Lookback(2, Lookback.Unit.W), Lookback.parse("2 W"));
        assertEquals(new Lookback(6, Lookback.Unit.M), Lookback.parse("6 M"));
        assertEquals("1 Y", Lookback.parse("1 Y").label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 d", "1D", "0 D", "-1 D", "D", "1 H", "1.5 D", "9999999999 S"})
    void aLookbackIBDoesNotSpellIsRefused(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Lookback.parse(text));
        assertTrue(
                e.getMessage().contains("'" + text + "' is not a duration")
                        || e.getMessage().contains("at least 1"),
                e.getMessage());
    }
}

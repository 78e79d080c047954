package org.tickerdesk.history.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bar sizes, series and lookbacks are spelled as IB spells them, and nothing else is taken. */
class SeriesNamesTest {

    @Test
    void everyBarSizeFromOneSecondToOneMonth() {
        assertEquals(
                List.of(
                        "1 secs", "5 secs", "10 secs", "15 secs", "30 secs", "1 min", "2 mins",
                        "3 mins", "5 mins", "10 mins", "15 mins", "20 mins", "30 mins", "1 hour",
                        "2 hours", "3 hours", "4 hours", "8 hours", "1 day", "1 week", "1 month"),
                Arrays.stream(BarSize.values()).map(BarSize::label).toList());
        for (BarSize size : BarSize.values()) {
            assertEquals(size, BarSize.parse(size.label()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 mins", "1min", "60 secs", "1 Day", ""})
    void aBarSizeIBDoesNotSpellIsRefusedWithTheChoices(String label) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BarSize.parse(label));
        assertTrue(
                e.getMessage()
                        .startsWith("'" + label + "' is not a bar size; use one of \"1 secs\""),
                e.getMessage());
    }

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

    @Test
    void seriesAreIBsWhatToShowInAnyCase() {
        assertEquals(
                List.of("TRADES", "MIDPOINT", "BID", "ASK", "BID_ASK"),
                Arrays.stream(WhatToShow.values()).map(Enum::name).toList());
        assertEquals(WhatToShow.BID_ASK, WhatToShow.parse("bid_ask"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WhatToShow.parse("LAST"));
        assertEquals(
                "'LAST' is not a series (whatToShow); use one of TRADES, MIDPOINT, BID, ASK,"
                        + " BID_ASK",
                e.getMessage());
    }
}

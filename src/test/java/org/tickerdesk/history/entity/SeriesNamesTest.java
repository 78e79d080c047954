package org.tickerdesk.history.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bar sizes are spelled as the API spells them, series as IB does, and nothing else is taken. How
 * IB spells bar sizes and lookbacks is ibkr's business (IbBarSizesTest, LookbackTest).
 */
class SeriesNamesTest {

    @Test
    void everyBarSizeFromOneSecondToOneMonth() {
        assertEquals(
                List.of(
                        "1s", "5s", "10s", "15s", "30s", "1m", "2m", "3m", "5m", "10m", "15m",
                        "20m", "30m", "1h", "2h", "3h", "4h", "8h", "1d", "1w", "1M"),
                Arrays.stream(BarSize.values()).map(BarSize::label).toList());
        for (BarSize size : BarSize.values()) {
            assertEquals(size, BarSize.parse(size.label()));
        }
    }

    @Test
    void aMinuteIsNotAMonth() {
        assertEquals(BarSize.MIN_1, BarSize.parse("1m"));
        assertEquals(BarSize.MONTH_1, BarSize.parse("1M"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 min", "1 mins", "1min", "60s", "1D", "1 day", ""})
    void aBarSizeTheApiDoesNotSpellIsRefusedWithTheChoices(String label) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BarSize.parse(label));
        assertTrue(
                e.getMessage().startsWith("'" + label + "' is not a bar size; use one of 1s, 5s,"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(", 1d, 1w, 1M"), e.getMessage());
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

package org.tickerdesk.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;

/** A closed live candle as the stored bar it becomes. */
class CandleRecorderTest {

    private static final Instant T0 = Instant.parse("2025-11-20T14:30:00Z");

    @Test
    void aTradedCandleKeepsItsPricesVolumeAndTradeCount() {
        Candle candle =
                new Candle(
                        "AAPL", BarSize.MIN_1, T0, 189.1, 189.6, 189.0, 189.5, 12_000, 95, true, 0);

        Bar bar = CandleRecorder.bar(candle, WhatToShow.TRADES);

        assertEquals(T0, bar.start());
        assertEquals(new BigDecimal("189.1"), bar.open());
        assertEquals(new BigDecimal("189.6"), bar.high());
        assertEquals(new BigDecimal("189.0"), bar.low());
        assertEquals(new BigDecimal("189.5"), bar.close());
        assertEquals(new BigDecimal("12000"), bar.volume());
        assertEquals(95, bar.count());
        assertNull(bar.wap(), "a live candle has no volume-weighted price");
    }

    @Test
    void aMidpointCandleHasNoVolumeAsTheSourcesOwnMidpointBarsHaveNone() {
        Candle candle =
                new Candle("EUR.USD", BarSize.MIN_5, T0, 1.08, 1.09, 1.07, 1.085, 0, 40, true, 0);

        Bar bar = CandleRecorder.bar(candle, WhatToShow.MIDPOINT);

        assertNull(bar.volume());
        assertNull(bar.count());
        assertEquals(new BigDecimal("1.085"), bar.close());
    }
}

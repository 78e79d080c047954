package org.tickerdesk.analytics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How indicators are named, and which names are refused. */
class IndicatorSpecTest {

    @Test
    void aNameAloneHasTheUsualPeriod() {
        assertEquals(
                List.of("sma20", "ema20", "rsi14", "macd", "bb20", "atr14", "vwap"),
                IndicatorSpec.DEFAULTS.stream().map(IndicatorSpec::name).toList());
        assertEquals(new IndicatorSpec(IndicatorType.EMA, 20), IndicatorSpec.parse("ema"));
    }

    @Test
    void aPeriodMayFollowTheName() {
        assertEquals(new IndicatorSpec(IndicatorType.EMA, 50), IndicatorSpec.parse("ema50"));
        assertEquals(new IndicatorSpec(IndicatorType.SMA, 200), IndicatorSpec.parse("sma200"));
        assertEquals(new IndicatorSpec(IndicatorType.RSI, 7), IndicatorSpec.parse("rsi7"));
        assertEquals(new IndicatorSpec(IndicatorType.VWAP, 30), IndicatorSpec.parse("vwap30"));
        assertEquals("vwap30", IndicatorSpec.parse("vwap30").name());
    }

    @Test
    void unknownOrMalformedNamesAreRefusedSayingWhatThereIs() {
        for (String name : List.of("EMA", "ema 50", "ema-5", "ema050", "ema50x", "", "wma")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parse(name));
            assertTrue(
                    e.getMessage().contains("is not an indicator; use one of sma, ema"),
                    e.getMessage());
        }
    }

    @Test
    void periodsOutsideOneTo500AndMacdPeriodsAreRefused() {
        for (String name : List.of("ema0", "sma501", "rsi9999999", "vwap0")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parse(name));
            assertTrue(e.getMessage().contains("from 1 to 500"), e.getMessage());
        }
        IllegalArgumentException macd =
                assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parse("macd12"));
        assertTrue(macd.getMessage().contains("macd takes no period"), macd.getMessage());
    }
}

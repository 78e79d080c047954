package org.tickerdesk.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.history.entity.BarSize;

/**
 * Every indicator over a few bars whose values are worked out by hand below, and what a replaced
 * last bar does to them. The series are 1m bars from 14:30 UTC, closed unless said otherwise.
 */
class IndicatorSeriesTest {

    private static final Instant FIRST = Instant.parse("2025-11-20T14:30:00Z");
    private static final double EXACT = 1e-9;

    private final IndicatorSeries series = new IndicatorSeries("AAPL", BarSize.MIN_1, 500);

    private static Candle bar(int minute, double high, double low, double close, long volume) {
        return new Candle(
                "AAPL",
                BarSize.MIN_1,
                FIRST.plus(Duration.ofMinutes(minute)),
                close,
                high,
                low,
                close,
                volume,
                1,
                true,
                0);
    }

    private void closes(double... closes) {
        for (int i = 0; i < closes.length; i++) {
            series.update(bar(i, closes[i], closes[i], closes[i], 100));
        }
    }

    private List<Double> values(String spec, int count) {
        return series.recent(IndicatorSpec.parse(spec), count).stream()
                .map(v -> v.values().get(0))
                .toList();
    }

    @Test
    void smaIsTheMeanOfTheLastPeriodClosesAndNothingBeforeThereAreThatMany() {
        closes(10, 11, 12, 13);

        List<Double> sma = values("sma3", 4);
        assertTrue(sma.get(0).isNaN());
        assertTrue(sma.get(1).isNaN());
        assertEquals(11, sma.get(2), EXACT); // (10 + 11 + 12) / 3
        assertEquals(12, sma.get(3), EXACT); // (11 + 12 + 13) / 3
    }

    @Test
    void emaStartsAtTheFirstCloseAndMovesHalfWayForPeriodThree() {
        closes(10, 11, 12, 13);

        // k = 2 / (3 + 1) = 0.5; EMA0 = 10, EMA1 = 10 + 0.5 * (11 - 10) = 10.5,
        // EMA2 = 10.5 + 0.5 * (12 - 10.5) = 11.25, EMA3 = 11.25 + 0.5 * (13 - 11.25) = 12.125
        List<Double> ema = values("ema3", 2);
        assertEquals(11.25, ema.get(0), EXACT);
        assertEquals(12.125, ema.get(1), EXACT);
    }

    @Test
    void rsiAveragesGainsAndLossesWithWildersSmoothing() {
        closes(10, 12, 11, 13);

        // gains 0, 2, 0, 2 and losses 0, 0, 1, 0; Wilder's average with 1/2, from the first:
        // G: 0, 0 + (2 - 0) / 2 = 1, 1 + (0 - 1) / 2 = 0.5, 0.5 + (2 - 0.5) / 2 = 1.25
        // L: 0, 0, 0 + (1 - 0) / 2 = 0.5, 0.5 + (0 - 0.5) / 2 = 0.25
        // RSI2 = 100 - 100 / (1 + 0.5 / 0.5) = 50; RSI3 = 100 - 100 / (1 + 1.25 / 0.25) = 83.33
        List<Double> rsi = values("rsi2", 3);
        assertTrue(rsi.get(0).isNaN(), "two bars give one change, and RSI2 needs two");
        assertEquals(50, rsi.get(1), EXACT);
        assertEquals(100 - 100 / 6.0, rsi.get(2), EXACT);
    }

    @Test
    void macdOfOneStepAfterAFlatStretchIsTheDifferenceOfTheTwoEmaWeights() {
        for (int i = 0; i < 33; i++) {
            series.update(bar(i, 100, 100, 100, 100));
        }
        series.update(bar(33, 135.1, 135.1, 135.1, 100));

        // Flat at 100, every EMA is 100 and MACD 0 up to the step of d = 35.1 at the 34th bar:
        // EMA12 = 100 + 2/13 d, EMA26 = 100 + 2/27 d, MACD = (2/13 - 2/27) d = 28/351 * 35.1 = 2.8
        // signal = 0 + 2/10 * (2.8 - 0) = 0.56; histogram = 2.8 - 0.56 = 2.24
        assertEquals(List.of(2.8, 0.56, 2.24), rounded(macd()));
    }

    @Test
    void macdNeedsThirtyFourBars() {
        for (int i = 0; i < 33; i++) {
            series.update(bar(i, 100, 100, 100, 100));
        }

        assertFalse(macd().complete());
    }

    @Test
    void bollingerBandsAreTwoPopulationDeviationsAroundTheMean() {
        closes(9, 11, 9, 11);

        // mean 10, deviations -1, 1, -1, 1: variance (1 + 1 + 1 + 1) / 4 = 1, deviation 1
        IndicatorValue bands = series.latest(IndicatorSpec.parse("bb4"));
        assertEquals(List.of(12.0, 10.0, 8.0), rounded(bands));
    }

    @Test
    void atrAveragesTheTrueRangeWhichReachesBackToThePreviousClose() {
        series.update(bar(0, 12, 10, 11, 100));
        series.update(bar(1, 13, 11, 12, 100));
        series.update(bar(2, 15, 12, 14, 100));
        series.update(bar(3, 13, 12, 12, 100));

        // TR: 12 - 10 = 2; max(13 - 11, |13 - 11|, |11 - 11|) = 2; max(3, |15 - 12|, 0) = 3;
        // max(13 - 12, |13 - 14|, |12 - 14|) = 2 (the gap down from 14 counts)
        // Wilder with 1/2: 2, 2, 2 + (3 - 2) / 2 = 2.5, 2.5 + (2 - 2.5) / 2 = 2.25
        List<Double> atr = values("atr2", 2);
        assertEquals(2.5, atr.get(0), EXACT);
        assertEquals(2.25, atr.get(1), EXACT);
    }

    @Test
    void vwapWithAPeriodWeighsTheTypicalPriceOfThatManyBarsByVolume() {
        series.update(bar(0, 12, 9, 9, 100));
        series.update(bar(1, 13, 10, 10, 300));
        series.update(bar(2, 14, 11, 11, 100));

        // typical (h + l + c) / 3: 10, 11, 12
        // vwap2 at 1: (10 * 100 + 11 * 300) / 400 = 10.75; at 2: (11 * 300 + 12 * 100) / 400 =
        // 11.25
        List<Double> vwap = values("vwap2", 2);
        assertEquals(10.75, vwap.get(0), EXACT);
        assertEquals(11.25, vwap.get(1), EXACT);
    }

    @Test
    void theSessionVwapStartsAfreshAtMidnightUtc() {
        IndicatorSeries overMidnight = new IndicatorSeries("AAPL", BarSize.MIN_1, 500);
        Instant late = Instant.parse("2025-11-20T23:58:00Z");
        double[][] bars = {
            {12, 9, 9, 100}, {13, 10, 10, 300}, {14, 11, 11, 100}, {15, 13, 14, 300}
        };
        for (int i = 0; i < bars.length; i++) {
            double[] b = bars[i];
            overMidnight.update(
                    new Candle(
                            "AAPL",
                            BarSize.MIN_1,
                            late.plus(Duration.ofMinutes(i)),
                            b[2],
                            b[0],
                            b[1],
                            b[2],
                            (long) b[3],
                            1,
                            true,
                            0));
        }

        // typical 10, 11 (23:58, 23:59), then 12, 14 (00:00, 00:01 of the next day)
        // 23:59: (10 * 100 + 11 * 300) / 400 = 10.75; 00:00: 12; 00:01: (1200 + 4200) / 400 = 13.5
        List<Double> vwap =
                overMidnight.recent(IndicatorSpec.parse("vwap"), 3).stream()
                        .map(v -> v.values().get(0))
                        .toList();
        assertEquals(List.of(10.75, 12.0, 13.5), vwap);
    }

    @Test
    void vwapWithoutVolumeHasNoValue() {
        series.update(bar(0, 1.0852, 1.0850, 1.0851, 0));

        assertTrue(series.latest(IndicatorSpec.parse("vwap")).values().get(0).isNaN());
    }

    @Test
    void aReplacedLastBarGivesTheNewValueAndAnAppendedOneMovesOn() {
        closes(10, 11, 12);
        assertEquals(11, values("sma3", 1).get(0), EXACT); // (10 + 11 + 12) / 3

        Candle forming = bar(2, 15, 15, 15, 100);
        series.update(
                new Candle(
                        "AAPL", BarSize.MIN_1, forming.start(), 15, 15, 15, 15, 100, 2, false, 0));

        assertEquals(3, series.bars());
        assertEquals(12, values("sma3", 1).get(0), EXACT); // (10 + 11 + 15) / 3
        assertFalse(series.latest(IndicatorSpec.parse("sma3")).closed());

        series.update(bar(3, 13, 13, 13, 100));
        assertEquals(13, values("sma3", 1).get(0), EXACT); // (11 + 15 + 13) / 3
        assertEquals(12, values("sma3", 2).get(0), EXACT, "the replaced bar's value stays");
    }

    @Test
    void aReplacedLastBarReachesTheCachedValuesOfRecursiveIndicators() {
        for (int i = 0; i < 33; i++) {
            series.update(bar(i, 100, 100, 100, 100));
        }
        series.update(bar(33, 135.1, 135.1, 135.1, 100));
        macd();

        series.update(bar(33, 170.2, 170.2, 170.2, 100));

        // the step is now d = 70.2: MACD = 28/351 * 70.2 = 5.6, signal 1.12, histogram 4.48
        assertEquals(List.of(5.6, 1.12, 4.48), rounded(macd()));
    }

    @Test
    void anOlderCandleIsIgnoredAndTheSeriesKeepsItsLatestBars() {
        IndicatorSeries three = new IndicatorSeries("AAPL", BarSize.MIN_1, 3);
        for (int i = 0; i < 5; i++) {
            three.update(bar(i, 10 + i, 10 + i, 10 + i, 100));
        }

        assertFalse(three.update(bar(1, 99, 99, 99, 100)));
        assertEquals(3, three.bars());
        assertEquals(FIRST.plus(Duration.ofMinutes(4)), three.lastStart());
        // the last three closes 12, 13, 14
        assertEquals(13, three.latest(IndicatorSpec.parse("sma3")).values().get(0), EXACT);
    }

    private IndicatorValue macd() {
        return series.latest(IndicatorSpec.parse("macd"));
    }

    /** To ten decimals: doubles do not hold 2.8 exactly. */
    private static List<Double> rounded(IndicatorValue value) {
        return value.values().stream().map(v -> Math.round(v * 1e10) / 1e10).toList();
    }
}

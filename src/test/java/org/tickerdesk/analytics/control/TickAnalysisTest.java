package org.tickerdesk.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/** Quotes in, candles and the values of wanted indicators out, over seeded series. */
class TickAnalysisTest {

    private static final Instant T0 = Instant.parse("2025-11-20T14:30:00Z");
    private static final IndicatorSpec SMA3 = IndicatorSpec.parse("sma3");

    private final TickAnalysis analysis = new TickAnalysis(Duration.ofSeconds(1));

    private TickAnalysis.Changes quote(String at, double last, long volume) {
        Instant when = Instant.parse(at);
        return analysis.accept(
                new Quote(
                        "AAPL",
                        last - 0.01,
                        last + 0.01,
                        last,
                        100,
                        100,
                        100,
                        volume,
                        when.getEpochSecond() * 1_000_000 + when.getNano() / 1000,
                        MarketDataType.LIVE));
    }

    private static Bar stored(int minutesBefore, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Bar(
                T0.minus(Duration.ofMinutes(minutesBefore)),
                price,
                price,
                price,
                price,
                BigDecimal.valueOf(1000),
                null,
                10);
    }

    @Test
    void aWantedIndicatorOverStoredBarsHasItsValueFromTheFirstLiveCandle() {
        quote("2025-11-20T14:30:00Z", 100, 1000);
        quote("2025-11-20T14:30:10Z", 12, 1100);
        analysis.seed("AAPL", BarSize.MIN_1, List.of(stored(2, "10"), stored(1, "11")));
        analysis.want("AAPL", BarSize.MIN_1, SMA3);

        // stored closes 10, 11, then the forming 14:30 candle closing at 12: (10 + 11 + 12) / 3
        IndicatorValue now = analysis.recent("AAPL", BarSize.MIN_1, SMA3, 1).get(0);
        assertEquals(11, now.values().get(0), 1e-9);
        assertFalse(now.closed());

        TickAnalysis.Changes changes = quote("2025-11-20T14:30:20Z", 15, 1200);
        // (10 + 11 + 15) / 3 = 12
        assertEquals(1, changes.indicators().size());
        assertEquals(12, changes.indicators().get(0).values().get(0), 1e-9);
        assertEquals(5, changes.candles().size());
    }

    @Test
    void storedBarsFromWhereLiveCandlesBeginAreLeftToTheLiveOnes() {
        quote("2025-11-20T14:30:00Z", 100, 1000);
        quote("2025-11-20T14:30:10Z", 12, 1100);
        analysis.seed("AAPL", BarSize.MIN_1, List.of(stored(1, "11"), stored(0, "99")));

        // 11 stored, then the live 12 instead of the stored 99 of the same minute
        IndicatorValue sma2 =
                analysis.recent("AAPL", BarSize.MIN_1, IndicatorSpec.parse("sma2"), 1).get(0);
        assertEquals(11.5, sma2.values().get(0), 1e-9);
    }

    @Test
    void onlyWantedIndicatorsComeOutAndReleasingTheLastWanterStopsThem() {
        quote("2025-11-20T14:30:00Z", 100, 1000);
        analysis.seed("AAPL", BarSize.MIN_1, List.of());
        analysis.want("AAPL", BarSize.MIN_1, SMA3);
        analysis.want("AAPL", BarSize.MIN_1, SMA3);

        analysis.release("AAPL", BarSize.MIN_1, SMA3);
        assertEquals(1, quote("2025-11-20T14:30:01Z", 101, 1100).indicators().size());
        analysis.release("AAPL", BarSize.MIN_1, SMA3);
        assertEquals(List.of(), quote("2025-11-20T14:30:02Z", 102, 1200).indicators());
    }

    @Test
    void liveCandlesAreKeptUpToABoundAndSayWhatTheyAreMadeOf() {
        long volume = 1000;
        quote("2025-11-20T00:00:00Z", 100, volume);
        for (int minute = 0; minute < TickAnalysis.KEPT_CANDLES + 5; minute++) {
            volume += 100;
            quote(T0.plus(Duration.ofMinutes(minute)).toString(), 100, volume);
        }

        List<Candle> candles = analysis.candles("AAPL", BarSize.MIN_1);
        assertEquals(TickAnalysis.KEPT_CANDLES + 1, candles.size(), "the kept and the forming");
        assertFalse(candles.get(candles.size() - 1).closed());
        assertEquals(WhatToShow.TRADES, analysis.liveSeries("AAPL").orElseThrow());
    }
}

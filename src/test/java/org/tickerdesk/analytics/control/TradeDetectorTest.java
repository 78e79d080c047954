package org.tickerdesk.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.analytics.entity.Trade;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/** Which quotes are trades, for the simulated market's quotes and IB's. */
class TradeDetectorTest {

    private final TradeDetector detector = new TradeDetector();

    private static Quote quote(double bid, double ask, double last, long lastSize, long volume) {
        return new Quote(
                "AAPL", bid, ask, last, 300, 200, lastSize, volume, 7, MarketDataType.LIVE);
    }

    @Test
    void theFirstQuoteOnlySetsWhereTheVolumeStands() {
        assertTrue(detector.read(quote(99.9, 100.1, 100, 100, 5000)).isEmpty());
    }

    @Test
    void aTradeIsAGrowthOfTheDayVolumeAtTheLastPrice() {
        detector.read(quote(99.9, 100.1, 100, 100, 5000));

        assertEquals(
                Optional.of(new Trade("AAPL", 100.1, 300, 7, false)),
                detector.read(quote(100, 100.2, 100.1, 100, 5300)),
                "the size is the growth (300), not the last size: quotes may have been conflated");
        assertTrue(
                detector.read(quote(100.1, 100.2, 100.1, 100, 5300)).isEmpty(),
                "a new bid is no trade");
    }

    @Test
    void ibsSeparateLastPriceAndVolumeTicksMakeOneTrade() {
        detector.read(quote(99.9, 100.1, 100, 100, 5000));

        assertTrue(detector.read(quote(99.9, 100.1, 100.05, 100, 5000)).isEmpty(), "last price");
        assertTrue(detector.read(quote(99.9, 100.1, 100.05, 200, 5000)).isEmpty(), "last size");
        assertEquals(
                200,
                detector.read(quote(99.9, 100.1, 100.05, 200, 5200)).orElseThrow().size(),
                "volume");
        assertTrue(
                detector.read(quote(99.9, 100.1, 100.05, 200, 5200)).isEmpty(),
                "the last-trade time repeats the last price");
    }

    @Test
    void aShrinkingVolumeStartsCountingAgainFromThere() {
        detector.read(quote(99.9, 100.1, 100, 100, 5000));

        assertTrue(detector.read(quote(99.9, 100.1, 100, 100, 100)).isEmpty(), "a new day");
        assertEquals(50, detector.read(quote(99.9, 100.1, 100, 50, 150)).orElseThrow().size());
    }

    @Test
    void whatNeverTradesGivesItsMidpointWithoutSize() {
        Quote fx =
                new Quote(
                        "EURUSD",
                        1.0850,
                        1.0852,
                        Double.NaN,
                        1_000_000,
                        2_000_000,
                        0,
                        0,
                        9,
                        MarketDataType.LIVE);

        // (1.0850 + 1.0852) / 2 = 1.0851
        Trade mid = detector.read(fx).orElseThrow();
        assertEquals(1.0851, mid.price(), 1e-12);
        assertEquals(0, mid.size());
        assertTrue(mid.midpoint());
    }

    @Test
    void whatTradesWithoutVolumeGivesEachNewLastPrice() {
        detector.read(quote(Double.NaN, Double.NaN, 4500, 0, 0));

        assertEquals(
                Optional.of(new Trade("AAPL", 4501, 0, 7, false)),
                detector.read(quote(Double.NaN, Double.NaN, 4501, 0, 0)));
        assertTrue(detector.read(quote(Double.NaN, Double.NaN, 4501, 0, 0)).isEmpty());
    }
}

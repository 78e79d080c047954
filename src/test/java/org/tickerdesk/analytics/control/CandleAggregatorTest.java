package org.tickerdesk.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.Trade;
import org.tickerdesk.history.entity.BarSize;

/** How trades become candles of 1m, 5m, 15m, 1h and 1d, by their source time. */
class CandleAggregatorTest {

    private final CandleAggregator aggregator = new CandleAggregator(Duration.ofSeconds(1));

    private static long micros(String instant) {
        Instant at = Instant.parse(instant);
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    private static Trade trade(String at, double price, long size) {
        return new Trade("AAPL", price, size, micros(at), false);
    }

    private static Candle of(List<Candle> candles, BarSize interval, boolean closed) {
        return candles.stream()
                .filter(c -> c.interval() == interval && c.closed() == closed)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void periodsStartOnWholeMultiplesOfTheirLengthSinceTheEpochInUtc() {
        long late = micros("2025-11-20T14:44:59.999999Z");
        assertEquals(
                Instant.parse("2025-11-20T14:44:00Z"),
                CandleAggregator.periodStart(BarSize.MIN_1, late));
        assertEquals(
                Instant.parse("2025-11-20T14:40:00Z"),
                CandleAggregator.periodStart(BarSize.MIN_5, late));
        assertEquals(
                Instant.parse("2025-11-20T14:30:00Z"),
                CandleAggregator.periodStart(BarSize.MIN_15, late));
        assertEquals(
                Instant.parse("2025-11-20T14:00:00Z"),
                CandleAggregator.periodStart(BarSize.HOUR_1, late));
        assertEquals(
                Instant.parse("2025-11-20T00:00:00Z"),
                CandleAggregator.periodStart(BarSize.DAY_1, late));
        assertEquals(
                Instant.parse("2025-11-21T00:00:00Z"),
                CandleAggregator.periodStart(BarSize.DAY_1, micros("2025-11-21T00:00:00Z")));
    }

    @Test
    void theFirstTradeOpensAFormingCandleOfEveryInterval() {
        List<Candle> changed = aggregator.accept(trade("2025-11-20T14:30:10Z", 100, 10));

        assertEquals(5, changed.size());
        Candle minute = changed.get(0);
        assertEquals(
                new Candle(
                        "AAPL",
                        BarSize.MIN_1,
                        Instant.parse("2025-11-20T14:30:00Z"),
                        100,
                        100,
                        100,
                        100,
                        10,
                        1,
                        false,
                        micros("2025-11-20T14:30:10Z")),
                minute);
        assertEquals(Instant.parse("2025-11-20T14:00:00Z"), changed.get(3).start());
        assertEquals(Instant.parse("2025-11-20T00:00:00Z"), changed.get(4).start());
    }

    @Test
    void aTradeOfALaterPeriodClosesTheFormingCandleOnceAndOpensTheNext() {
        aggregator.accept(trade("2025-11-20T14:30:10Z", 100, 10));
        aggregator.accept(trade("2025-11-20T14:30:40Z", 101, 5));

        List<Candle> changed = aggregator.accept(trade("2025-11-20T14:31:05Z", 99, 1));

        // 1m: closed 14:30 and a new 14:31; 5m, 15m, 1h, 1d updated: 6 in all
        assertEquals(6, changed.size());
        Candle closed = changed.get(0);
        assertTrue(closed.closed());
        // o 100 (first), h 101, l 100, c 101 (latest), v 10 + 5 = 15, 2 trades
        assertEquals(
                List.of(100.0, 101.0, 100.0, 101.0),
                List.of(closed.open(), closed.high(), closed.low(), closed.close()));
        assertEquals(15, closed.volume());
        assertEquals(2, closed.trades());
        Candle next = changed.get(1);
        assertEquals(Instant.parse("2025-11-20T14:31:00Z"), next.start());
        assertFalse(next.closed());
        assertEquals(99, next.open());
        Candle fiveMinutes = of(changed, BarSize.MIN_5, false);
        // o 100, h 101, l 99, c 99, v 16 over 3 trades
        assertEquals(99, fiveMinutes.low());
        assertEquals(99, fiveMinutes.close());
        assertEquals(16, fiveMinutes.volume());
        assertEquals(3, fiveMinutes.trades());
    }

    @Test
    void aLateTradeIsIgnoredWhereItsPeriodIsClosedAndCountedOnce() {
        aggregator.accept(trade("2025-11-20T14:30:10Z", 100, 10));
        aggregator.accept(trade("2025-11-20T14:31:05Z", 99, 1));

        List<Candle> changed = aggregator.accept(trade("2025-11-20T14:30:50Z", 120, 2));

        assertEquals(1, aggregator.lateTrades());
        assertTrue(changed.stream().noneMatch(c -> c.interval() == BarSize.MIN_1));
        Candle fiveMinutes = of(changed, BarSize.MIN_5, false);
        assertEquals(120, fiveMinutes.high(), "the 5m period is still open");
        assertEquals(99, fiveMinutes.close(), "14:30:50 is older than 14:31:05, the close");
        assertEquals(13, fiveMinutes.volume());
    }

    @Test
    void aQuietCandleIsClosedOnceTheGraceAfterItsEndHasPassed() {
        aggregator.accept(trade("2025-11-20T14:31:05Z", 99, 1));

        assertEquals(List.of(), aggregator.closeDue(Instant.parse("2025-11-20T14:32:00.5Z")));
        List<Candle> closed = aggregator.closeDue(Instant.parse("2025-11-20T14:32:01Z"));

        assertEquals(1, closed.size());
        assertEquals(BarSize.MIN_1, closed.get(0).interval());
        assertTrue(closed.get(0).closed());
        assertEquals(List.of(), aggregator.closeDue(Instant.parse("2025-11-20T14:32:30Z")));
        assertTrue(aggregator.forming("AAPL", BarSize.MIN_1).isEmpty());

        aggregator.accept(trade("2025-11-20T14:31:59Z", 98, 1));
        assertEquals(1, aggregator.lateTrades(), "its minute was closed by the clock");

        List<Candle> next = aggregator.accept(trade("2025-11-20T14:32:02Z", 97, 1));
        assertTrue(next.stream().noneMatch(Candle::closed), "nothing is closed twice");
        assertEquals(
                Instant.parse("2025-11-20T14:32:00Z"),
                aggregator.forming("AAPL", BarSize.MIN_1).orElseThrow().start());
    }

    @Test
    void midpointsMakeCandlesWithoutVolume() {
        aggregator.accept(new Trade("EURUSD", 1.0850, 0, micros("2025-11-20T14:30:01Z"), true));
        aggregator.accept(new Trade("EURUSD", 1.0852, 0, micros("2025-11-20T14:30:02Z"), true));

        Candle minute = aggregator.forming("EURUSD", BarSize.MIN_1).orElseThrow();
        assertEquals(0, minute.volume());
        assertEquals(2, minute.trades());
        assertEquals(1.0852, minute.high());
    }
}

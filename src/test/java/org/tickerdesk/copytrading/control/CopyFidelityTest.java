package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.copytrading.entity.FidelityPoint;
import org.tickerdesk.copytrading.entity.FidelitySeries;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.trading.entity.Side;

/**
 * A trader's copy fidelity over time from five intake entries, newest first as the log lists them,
 * worked out by hand:
 *
 * <pre>
 *   id trade leader        status   side  leader  order   fill    fill price  slippage
 *   11 a1    10:00:00      COPIED   BUY   100     +200ms  +300ms  100.02      +0.02 = 2 bps
 *   12 a2    10:01:00      COPIED   SELL  110     +100ms  +500ms  109.95      +0.05 = 4.55 bps
 *   13 a3    10:02:00      SKIPPED                                            (not a copy)
 *   14 a4    10:03:00      COPIED   BUY   105     +400ms  not filled
 *   15 a5    10:04:00      COPIED   (order not placed yet: not a copy)
 * </pre>
 *
 * 0.05 / 110 × 10,000 = 4.5454… = 4.55. Delays to the order 200, 100, 400: p50 is rank ⌈1.5⌉ = 2
 * (200), p95 rank ⌈2.85⌉ = 3 (400); to the fill 300 and 500: p50 300, p95 500.
 */
class CopyFidelityTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static IntakeSnapshot entry(
            long id,
            String tradeId,
            long minute,
            IntakeStatus status,
            Side side,
            String price,
            Long orderMs,
            Long fillMs,
            String fillPrice) {
        Instant leader = T0.plusSeconds(60 * minute);
        boolean copied = status == IntakeStatus.COPIED;
        return new IntakeSnapshot(
                id,
                7,
                "webhook",
                new LeaderTrade(
                        tradeId, "AAPL", side, BigDecimal.TEN, new BigDecimal(price), leader, null),
                leader.plusMillis(50),
                status,
                copied ? null : SkipReason.OVER_TRADE_CAP,
                null,
                leader.plusMillis(60),
                copied ? side : null,
                copied ? new BigDecimal("5") : null,
                copied ? Effect.OPENS : null,
                copied ? new BigDecimal(price) : null,
                copied ? "cp-7-" + tradeId : null,
                orderMs == null ? null : leader.plusMillis(orderMs),
                fillMs == null ? null : leader.plusMillis(fillMs),
                fillPrice == null ? null : new BigDecimal(fillPrice));
    }

    private static final List<IntakeSnapshot> NEWEST_FIRST =
            List.of(
                    entry(15, "a5", 4, IntakeStatus.COPIED, Side.BUY, "106", null, null, null),
                    entry(14, "a4", 3, IntakeStatus.COPIED, Side.BUY, "105", 400L, null, null),
                    entry(13, "a3", 2, IntakeStatus.SKIPPED, Side.BUY, "300", null, null, null),
                    entry(12, "a2", 1, IntakeStatus.COPIED, Side.SELL, "110", 100L, 500L, "109.95"),
                    entry(11, "a1", 0, IntakeStatus.COPIED, Side.BUY, "100", 200L, 300L, "100.02"));

    private final FidelitySeries series = CopyFidelity.of(7, 1000, NEWEST_FIRST);

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
    }

    @Test
    void onePointPerPlacedCopyByTheLeadersTime() {
        assertEquals(7, series.traderId());
        assertEquals(1000, series.window());
        assertEquals(
                List.of("a1", "a2", "a4"),
                series.points().stream().map(FidelityPoint::tradeId).toList());
        assertEquals(
                List.of(11L, 12L, 14L),
                series.points().stream().map(FidelityPoint::entryId).toList());
    }

    @Test
    void eachPointHasItsDelaysAndSlippage() {
        FidelityPoint buy = series.points().get(0);
        assertEquals(T0, buy.leaderTime());
        assertEquals(Duration.ofMillis(200), buy.toOrder());
        assertEquals(Duration.ofMillis(300), buy.toFill());
        assertAmount("0.02", buy.slippage());
        assertAmount("2", buy.slippageBps());

        FidelityPoint sell = series.points().get(1);
        assertEquals(Duration.ofMillis(100), sell.toOrder());
        assertEquals(Duration.ofMillis(500), sell.toFill());
        assertAmount("0.05", sell.slippage());
        assertAmount("4.55", sell.slippageBps());
    }

    @Test
    void aCopyNotFilledHasItsOrderDelayOnly() {
        FidelityPoint open = series.points().get(2);
        assertEquals(Duration.ofMillis(400), open.toOrder());
        assertNull(open.toFill());
        assertNull(open.slippage());
        assertNull(open.slippageBps());
    }

    @Test
    void thePercentilesAreOfTheSameCopies() {
        assertEquals(3, series.figures().copied());
        assertEquals(2, series.figures().filled());
        assertEquals(Duration.ofMillis(200), series.figures().delayToOrderP50());
        assertEquals(Duration.ofMillis(400), series.figures().delayToOrderP95());
        assertEquals(Duration.ofMillis(300), series.figures().delayToFillP50());
        assertEquals(Duration.ofMillis(500), series.figures().delayToFillP95());
        assertAmount("0.02", series.figures().slippageP50());
        assertAmount("0.05", series.figures().slippageP95());
        assertAmount("2", series.figures().slippageBpsP50());
        assertAmount("4.55", series.figures().slippageBpsP95());
    }

    @Test
    void noCopyIsAnEmptySeriesWithoutFigures() {
        FidelitySeries none = CopyFidelity.of(7, 1000, List.of(NEWEST_FIRST.get(2)));

        assertEquals(List.of(), none.points());
        assertEquals(0, none.figures().copied());
        assertNull(none.figures().delayToOrderP50());
        assertNull(none.figures().slippageBpsP95());
    }
}

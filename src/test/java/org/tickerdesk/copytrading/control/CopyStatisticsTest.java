package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.CopiedTrade;
import org.tickerdesk.copytrading.entity.CopyPerformance;
import org.tickerdesk.trading.entity.Side;

/**
 * Four copied trades, each figure worked out by hand:
 *
 * <pre>
 *   # side leader  order   fill    fill price  slippage          realised
 *   1 BUY  100.00  +200ms  +450ms  100.05      +0.05 =   +5 bps   +30
 *   2 SELL  50.00  +100ms  +300ms   49.90      +0.10 =  +20 bps   -10
 *   3 BUY  200.00  +1s     +1.5s   199.80      -0.20 =  -10 bps   open
 *   4 SELL  10.00  +300ms  not filled                             open
 * </pre>
 */
class CopyStatisticsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static CopiedTrade trade(
            Side side, String leader, long orderMs, Long fillMs, String fill, String realised) {
        return new CopiedTrade(
                T0,
                d(leader),
                T0.plusMillis(orderMs),
                fillMs == null ? null : T0.plusMillis(fillMs),
                fill == null ? null : d(fill),
                side,
                BigDecimal.TEN,
                realised == null ? null : d(realised));
    }

    private static final List<CopiedTrade> FOUR =
            List.of(
                    trade(Side.BUY, "100.00", 200, 450L, "100.05", "30"),
                    trade(Side.SELL, "50.00", 100, 300L, "49.90", "-10"),
                    trade(Side.BUY, "200.00", 1000, 1500L, "199.80", null),
                    trade(Side.SELL, "10.00", 300, null, null, null));

    private final CopyPerformance four = CopyStatistics.of(FOUR, 7, d("120"), d("15.50"));

    @Test
    void counts() {
        assertEquals(4, four.copied());
        assertEquals(7, four.skipped());
        assertEquals(3, four.filled());
    }

    @Test
    void delayToTheOrder() {
        // 100, 200, 300, 1000 ms: p50 rank ⌈2⌉ = 2: 200 ms; p95 rank ⌈3.8⌉ = 4: 1,000 ms
        assertEquals(Duration.ofMillis(200), four.delayToOrderP50());
        assertEquals(Duration.ofMillis(1000), four.delayToOrderP95());
    }

    @Test
    void delayToTheFillCountsFilledTradesOnly() {
        // 300, 450, 1500 ms: p50 rank ⌈1.5⌉ = 2: 450 ms; p95 rank ⌈2.85⌉ = 3: 1,500 ms
        assertEquals(Duration.ofMillis(450), four.delayToFillP50());
        assertEquals(Duration.ofMillis(1500), four.delayToFillP95());
    }

    @Test
    void slippageIsPositiveWhenWorseForUs() {
        // -0.20, 0.05, 0.10: p50 rank 2: 0.05; p95 rank 3: 0.10
        assertEquals(d("0.05"), four.slippageP50());
        assertEquals(d("0.10"), four.slippageP95());
        // -10, 5, 20 bps: p50 5.00; p95 20.00
        assertEquals(d("5.00"), four.slippageBpsP50());
        assertEquals(d("20.00"), four.slippageBpsP95());
    }

    @Test
    void aSellFilledLowerIsWorseABuyFilledLowerIsBetter() {
        // sold at 49.90 what the leader sold at 50.00: 0.10 worse
        assertEquals(d("0.10"), CopyStatistics.slippage(FOUR.get(1)));
        // bought at 199.80 what the leader bought at 200.00: 0.20 better
        assertEquals(d("-0.20"), CopyStatistics.slippage(FOUR.get(2)));
    }

    @Test
    void basisPointsAreRoundedToTwoDecimals() {
        // 0.01 / 3.00 × 10,000 = 33.333...: 33.33
        CopyPerformance one =
                CopyStatistics.of(
                        List.of(trade(Side.BUY, "3.00", 50, 60L, "3.01", null)),
                        0,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO);
        assertEquals(d("33.33"), one.slippageBpsP50());
    }

    @Test
    void winRateOfClosedPositions() {
        // closed: #1 (+30, a win) and #2 (-10): 1 / 2 = 50.00 %
        assertEquals(2, four.closed());
        assertEquals(1, four.wins());
        assertEquals(d("50.00"), four.winRatePercent());
    }

    @Test
    void aPositionClosedAtZeroIsNoWin() {
        // +1, +1 and 0: 2 wins of 3 closed = 66.666...: 66.67 %
        CopyPerformance three =
                CopyStatistics.of(
                        List.of(
                                trade(Side.BUY, "1", 1, 2L, "1", "1"),
                                trade(Side.BUY, "1", 1, 2L, "1", "1"),
                                trade(Side.BUY, "1", 1, 2L, "1", "0")),
                        0,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO);
        assertEquals(d("66.67"), three.winRatePercent());
    }

    @Test
    void profitAndLoss() {
        // leader as given; copied: realised 30 - 10 = 20, + unrealised 15.50 = 35.50
        assertEquals(d("120"), four.leaderPnl());
        assertEquals(d("35.50"), four.copiedPnl());
    }

    @Test
    void nothingCopied() {
        CopyPerformance none = CopyStatistics.of(List.of(), 3, d("-40"), BigDecimal.ZERO);
        assertEquals(0, none.copied());
        assertEquals(3, none.skipped());
        assertEquals(0, none.filled());
        assertNull(none.delayToOrderP50());
        assertNull(none.delayToOrderP95());
        assertNull(none.delayToFillP50());
        assertNull(none.slippageP95());
        assertNull(none.slippageBpsP50());
        assertEquals(0, none.closed());
        assertNull(none.winRatePercent());
        assertEquals(d("-40"), none.leaderPnl());
        assertEquals(BigDecimal.ZERO, none.copiedPnl());
    }
}

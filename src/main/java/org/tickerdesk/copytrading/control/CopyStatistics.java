package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.tickerdesk.copytrading.entity.CopiedTrade;
import org.tickerdesk.copytrading.entity.CopyPerformance;
import org.tickerdesk.trading.entity.Side;

/**
 * The fidelity and performance figures of one trader's copies ({@link CopyPerformance}), from the
 * copied trades and what the caller counts or prices elsewhere. Percentiles are by {@link
 * NearestRank}; the delay to a fill and the slippage count filled trades only. Slippage is our fill
 * against the leader's price, signed so that worse for us is positive: fill − leader on a buy,
 * leader − fill on a sell; in basis points it is that / leader's price × 10,000, to two decimals
 * (half up).
 */
public final class CopyStatistics {

    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CopyStatistics() {}

    /**
     * The figures of {@code copied}, with {@code skipped} trades not copied, the leader's P&L as
     * given and the copied positions' unrealised P&L (added to the realised of {@code copied}).
     */
    public static CopyPerformance of(
            List<CopiedTrade> copied,
            long skipped,
            BigDecimal leaderPnl,
            BigDecimal copiedUnrealisedPnl) {
        Objects.requireNonNull(copied, "copied");
        Objects.requireNonNull(leaderPnl, "leaderPnl");
        Objects.requireNonNull(copiedUnrealisedPnl, "copiedUnrealisedPnl");
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped must not be negative, not " + skipped);
        }
        List<Duration> toOrder =
                copied.stream().map(t -> Duration.between(t.leaderTime(), t.orderTime())).toList();
        List<CopiedTrade> filled = copied.stream().filter(CopiedTrade::filled).toList();
        List<Duration> toFill =
                filled.stream().map(t -> Duration.between(t.leaderTime(), t.fillTime())).toList();
        List<BigDecimal> slippage = filled.stream().map(CopyStatistics::slippage).toList();
        List<BigDecimal> slippageBps =
                filled.stream()
                        .map(
                                t ->
                                        slippage(t)
                                                .multiply(BPS)
                                                .divide(t.leaderPrice(), 2, RoundingMode.HALF_UP))
                        .toList();
        List<BigDecimal> realised =
                copied.stream().map(CopiedTrade::realisedPnl).filter(Objects::nonNull).toList();
        int wins = (int) realised.stream().filter(p -> p.signum() > 0).count();
        BigDecimal winRate = winRatePercent(wins, realised.size());
        BigDecimal copiedPnl = realised.stream().reduce(copiedUnrealisedPnl, BigDecimal::add);
        return new CopyPerformance(
                copied.size(),
                skipped,
                filled.size(),
                NearestRank.percentile(toOrder, 50),
                NearestRank.percentile(toOrder, 95),
                NearestRank.percentile(toFill, 50),
                NearestRank.percentile(toFill, 95),
                NearestRank.percentile(slippage, 50),
                NearestRank.percentile(slippage, 95),
                NearestRank.percentile(slippageBps, 50),
                NearestRank.percentile(slippageBps, 95),
                realised.size(),
                wins,
                winRate,
                leaderPnl,
                copiedPnl);
    }

    /** Wins in percent of the closed copies, two decimals (half up); null with none closed. */
    public static BigDecimal winRatePercent(int wins, int closed) {
        return closed == 0
                ? null
                : BigDecimal.valueOf(wins)
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(closed), 2, RoundingMode.HALF_UP);
    }

    /** Our fill against the leader's price, positive when worse for us. */
    public static BigDecimal slippage(CopiedTrade trade) {
        if (!trade.filled()) {
            throw new IllegalArgumentException("an unfilled trade has no slippage");
        }
        BigDecimal fillMinusLeader = trade.fillPrice().subtract(trade.leaderPrice());
        return trade.side() == Side.BUY ? fillMinusLeader : fillMinusLeader.negate();
    }
}

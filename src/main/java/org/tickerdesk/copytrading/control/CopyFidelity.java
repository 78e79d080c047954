package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tickerdesk.copytrading.entity.CopiedTrade;
import org.tickerdesk.copytrading.entity.FidelityPoint;
import org.tickerdesk.copytrading.entity.FidelitySeries;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;

/**
 * A trader's copy fidelity over time ({@link FidelitySeries}) from their intake entries: every copy
 * whose order was placed, by the leader's time (then by arrival), with the delays and the slippage
 * as {@link CopyStatistics} defines them (the copy's side, else the leader's; basis points of the
 * leader's price to two decimals, half up), and the percentiles of the same copies.
 */
public final class CopyFidelity {

    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private CopyFidelity() {}

    /**
     * @param window how many of the newest copies the entries were read for
     * @param entries the trader's entries, in any order and of any status
     */
    public static FidelitySeries of(long traderId, int window, List<IntakeSnapshot> entries) {
        Objects.requireNonNull(entries, "entries");
        List<IntakeSnapshot> copies =
                entries.stream()
                        .filter(e -> e.status() == IntakeStatus.COPIED && e.orderedAt() != null)
                        .sorted(
                                Comparator.comparing((IntakeSnapshot e) -> e.trade().time())
                                        .thenComparingLong(IntakeSnapshot::id))
                        .toList();
        List<CopiedTrade> trades = new ArrayList<>(copies.size());
        List<FidelityPoint> points = new ArrayList<>(copies.size());
        for (IntakeSnapshot entry : copies) {
            CopiedTrade trade = trade(entry);
            trades.add(trade);
            points.add(point(entry, trade));
        }
        return new FidelitySeries(
                traderId,
                window,
                points,
                CopyStatistics.of(trades, 0, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private static CopiedTrade trade(IntakeSnapshot entry) {
        boolean filled = entry.filledAt() != null && entry.fillPrice() != null;
        return new CopiedTrade(
                entry.trade().time(),
                entry.trade().price(),
                entry.orderedAt(),
                filled ? entry.filledAt() : null,
                filled ? entry.fillPrice() : null,
                entry.copySide() != null ? entry.copySide() : entry.trade().side(),
                entry.copyQuantity() != null && entry.copyQuantity().signum() > 0
                        ? entry.copyQuantity()
                        : entry.trade().quantity(),
                null);
    }

    private static FidelityPoint point(IntakeSnapshot entry, CopiedTrade trade) {
        Duration toOrder = Duration.between(trade.leaderTime(), trade.orderTime());
        if (!trade.filled()) {
            return new FidelityPoint(
                    entry.id(),
                    entry.trade().tradeId(),
                    trade.leaderTime(),
                    toOrder,
                    null,
                    null,
                    null);
        }
        BigDecimal slippage = CopyStatistics.slippage(trade);
        return new FidelityPoint(
                entry.id(),
                entry.trade().tradeId(),
                trade.leaderTime(),
                toOrder,
                Duration.between(trade.leaderTime(), trade.fillTime()),
                slippage,
                slippage.multiply(BPS).divide(trade.leaderPrice(), 2, RoundingMode.HALF_UP));
    }
}

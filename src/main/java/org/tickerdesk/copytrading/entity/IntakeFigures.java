package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One trader's figures as the intake log sums them in the database: trades copied (their order
 * placed), skipped, and of the copied the filled; the delays from the leader's trade to our order
 * and to our fill and the slippage of our fills, each the 50th and 95th percentile by nearest rank
 * (null without a trade to measure), defined as {@code CopyStatistics} defines them; and the
 * leader's P&amp;L over all their trades in the log.
 */
public record IntakeFigures(
        long traderId,
        int copied,
        long skipped,
        int filled,
        Duration delayToOrderP50,
        Duration delayToOrderP95,
        Duration delayToFillP50,
        Duration delayToFillP95,
        BigDecimal slippageP50,
        BigDecimal slippageP95,
        BigDecimal slippageBpsP50,
        BigDecimal slippageBpsP95,
        BigDecimal leaderPnl) {

    /** A trader with no trade in the log. */
    public static IntakeFigures none(long traderId) {
        return new IntakeFigures(
                traderId, 0, 0, 0, null, null, null, null, null, null, null, null, BigDecimal.ZERO);
    }
}

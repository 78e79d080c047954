package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How well one trader was copied. Counts: trades copied, skipped, and of the copied the filled
 * ones. Fidelity, each the 50th and 95th percentile (nearest rank) and null without a trade to
 * measure: the delay from the leader's trade to our order and to our fill, and the slippage of our
 * fill against the leader's price, in price and in basis points of the leader's price, positive
 * when worse for us (paid more on a buy, got less on a sell). Performance: closed copied positions,
 * those with a P&L above zero, the win rate in percent (two decimals, null with none closed), the
 * leader's P&L and the copied P&L (realised and unrealised) as given.
 */
public record CopyPerformance(
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
        int closed,
        int wins,
        BigDecimal winRatePercent,
        BigDecimal leaderPnl,
        BigDecimal copiedPnl) {}

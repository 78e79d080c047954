package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How faithfully one leader's trade was copied: when the leader traded, the delay from then to our
 * order and to our fill, and the slippage of our fill against the leader's price in price and in
 * basis points of it, positive when worse for us; the fill's figures are null until it filled.
 */
public record FidelityPoint(
        long entryId,
        String tradeId,
        Instant leaderTime,
        Duration toOrder,
        Duration toFill,
        BigDecimal slippage,
        BigDecimal slippageBps) {

    public FidelityPoint {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(leaderTime, "leaderTime");
        Objects.requireNonNull(toOrder, "toOrder");
        if ((toFill == null) != (slippage == null) || (slippage == null) != (slippageBps == null)) {
            throw new IllegalArgumentException(
                    "a fill has its delay and both slippages, or none of them");
        }
    }
}

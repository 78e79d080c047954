package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.trading.entity.Side;

/**
 * One trade of a followed trader as their feed reports it: the feed's own id for it (a trade
 * delivered twice has the same), what was bought or sold, how much, at what price and when, and,
 * when the feed knows it, the value of the leader's whole portfolio (for {@link SizingMode#SHARE}).
 */
public record LeaderTrade(
        String tradeId,
        String symbol,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        Instant time,
        BigDecimal leaderPortfolioValue) {

    public LeaderTrade {
        if (tradeId == null || tradeId.isBlank() || tradeId.length() > 100) {
            throw new IllegalArgumentException("tradeId must be 1 to 100 characters");
        }
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is needed");
        }
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be above zero, not " + quantity);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be above zero, not " + price);
        }
        if (leaderPortfolioValue != null && leaderPortfolioValue.signum() <= 0) {
            throw new IllegalArgumentException(
                    "leaderPortfolioValue must be above zero, not " + leaderPortfolioValue);
        }
    }
}

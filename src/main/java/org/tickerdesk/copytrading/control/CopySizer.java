package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SizingMode;

/**
 * How many whole units a copy of a leader's opening trade is, before filters and caps. Every
 * instrument traded here (stocks, futures, options, event contracts) is counted in whole units, so
 * every mode rounds down to a whole number, in one exact division (no intermediate rounding):
 *
 * <ul>
 *   <li>{@link SizingMode#FIXED}: amount / price;
 *   <li>{@link SizingMode#RATIO}: leader quantity × ratio;
 *   <li>{@link SizingMode#SHARE}: (leader quantity × leader price / leader portfolio value) ×
 *       allocation / price, that is the leader's trade's share of their portfolio, of the
 *       allocation; without the leader's portfolio value it cannot be sized ({@link #size} answers
 *       null).
 * </ul>
 *
 * The price is the one the copy expects to pay (see {@link
 * org.tickerdesk.copytrading.entity.CopyQuote#referenceFor}), so that the money a copy puts in is
 * what the trader set, not what the leader paid.
 */
public final class CopySizer {

    private CopySizer() {}

    /**
     * The copy's whole quantity, zero when it rounds down to less than one unit, null in {@link
     * SizingMode#SHARE} when the trade carries no leader portfolio value.
     */
    public static BigDecimal size(
            Sizing sizing, LeaderTrade trade, BigDecimal allocation, BigDecimal price) {
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(allocation, "allocation");
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be above zero, not " + price);
        }
        return switch (sizing.mode()) {
            case FIXED -> sizing.amount().divide(price, 0, RoundingMode.DOWN);
            case RATIO -> trade.quantity().multiply(sizing.ratio()).setScale(0, RoundingMode.DOWN);
            case SHARE -> share(trade, allocation, price);
        };
    }

    private static BigDecimal share(LeaderTrade trade, BigDecimal allocation, BigDecimal price) {
        BigDecimal portfolio = trade.leaderPortfolioValue();
        if (portfolio == null) {
            return null;
        }
        return trade.quantity()
                .multiply(trade.price())
                .multiply(allocation)
                .divide(portfolio.multiply(price), 0, RoundingMode.DOWN);
    }
}

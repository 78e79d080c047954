package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.trading.entity.Side;

/**
 * One copied trade as the fidelity and performance figures see it: when and at what price the
 * leader traded, when our order went out, when and at what price it filled (both null while it has
 * not), its side and quantity, and the realised P&L of the copied position it opened once that is
 * closed (null while open, and for a trade that closed or reduced a position, so that each closed
 * position counts once).
 */
public record CopiedTrade(
        Instant leaderTime,
        BigDecimal leaderPrice,
        Instant orderTime,
        Instant fillTime,
        BigDecimal fillPrice,
        Side side,
        BigDecimal quantity,
        BigDecimal realisedPnl) {

    public CopiedTrade {
        Objects.requireNonNull(leaderTime, "leaderTime");
        Objects.requireNonNull(orderTime, "orderTime");
        Objects.requireNonNull(side, "side");
        if (leaderPrice == null || leaderPrice.signum() <= 0) {
            throw new IllegalArgumentException(
                    "leaderPrice must be above zero, not " + leaderPrice);
        }
        if ((fillTime == null) != (fillPrice == null)) {
            throw new IllegalArgumentException("a fill has both a time and a price, or neither");
        }
        if (fillPrice != null && fillPrice.signum() <= 0) {
            throw new IllegalArgumentException("fillPrice must be above zero, not " + fillPrice);
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be above zero, not " + quantity);
        }
    }

    /** True once the order filled. */
    public boolean filled() {
        return fillTime != null;
    }
}

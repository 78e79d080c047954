package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.trading.entity.Side;

/**
 * What becomes of one leader trade: {@link Status#COPIED} with the order to place (side, whole
 * quantity, whether it opens or adds to a copied position or closes or reduces one, the price it
 * was decided at and the money it puts in or takes out at that price), {@link Status#SKIPPED} with
 * the reason, or {@link Status#WAITING} with a reason that {@link SkipReason#waits() waits}. The
 * detail says it in figures, for the trader's page (for a copy: how it was sized or scaled down).
 */
public record CopyDecision(
        Status status,
        SkipReason reason,
        String detail,
        Side side,
        BigDecimal quantity,
        Effect effect,
        BigDecimal price) {

    /** Whether the trade was copied, will never be, or waits to be filtered again. */
    public enum Status {
        COPIED,
        SKIPPED,
        WAITING
    }

    /** What the copy's order does to the copied holding in the symbol. */
    public enum Effect {
        /** Opens a copied position or adds to it (long or short). */
        OPENS,
        /** Closes or reduces a copied position: the leader's exit. */
        REDUCES
    }

    public CopyDecision {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if (status == Status.COPIED) {
            if (reason != null) {
                throw new IllegalArgumentException("a copy has no skip reason");
            }
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(price, "price");
            if (quantity == null
                    || quantity.signum() <= 0
                    || quantity.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException(
                        "a copy's quantity is a whole number above zero, not " + quantity);
            }
        } else {
            Objects.requireNonNull(reason, "reason");
            if (reason.waits() != (status == Status.WAITING)) {
                throw new IllegalArgumentException(reason + " cannot be " + status);
            }
            if (side != null || quantity != null || effect != null || price != null) {
                throw new IllegalArgumentException("only a copy has an order");
            }
        }
    }

    public static CopyDecision copy(
            Side side, BigDecimal quantity, Effect effect, BigDecimal price, String detail) {
        return new CopyDecision(Status.COPIED, null, detail, side, quantity, effect, price);
    }

    public static CopyDecision skip(SkipReason reason, String detail) {
        return new CopyDecision(Status.SKIPPED, reason, detail, null, null, null, null);
    }

    public static CopyDecision waiting(SkipReason reason, String detail) {
        return new CopyDecision(Status.WAITING, reason, detail, null, null, null, null);
    }

    /** The money the copy moves at its decision price: quantity times price. */
    public BigDecimal value() {
        return status == Status.COPIED ? quantity.multiply(price) : null;
    }
}

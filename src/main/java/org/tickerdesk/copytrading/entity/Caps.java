package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;

/**
 * Upper limits of what is copied from one trader, each optional (null: no limit): the money one
 * copied trade may put in, the money in all the trader's open copied positions together, and the
 * number of those positions. Each given one is above zero.
 */
public record Caps(BigDecimal perTrade, BigDecimal totalExposure, Integer openPositions) {

    public static final Caps NONE = new Caps(null, null, null);

    public Caps {
        positive(perTrade, "perTrade");
        positive(totalExposure, "totalExposure");
        if (openPositions != null && openPositions <= 0) {
            throw new IllegalArgumentException(
                    "openPositions must be above zero, not " + openPositions);
        }
    }

    private static void positive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be above zero, not " + value);
        }
    }
}

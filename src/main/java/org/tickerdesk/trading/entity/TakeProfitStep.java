package org.tickerdesk.trading.entity;

import java.util.Objects;

/**
 * One rung of a take-profit ladder: when the price has moved {@code gain} in the position's favour
 * from the entry, {@code fraction} of the position's original quantity is closed.
 */
public record TakeProfitStep(Offset gain, double fraction) {

    public TakeProfitStep {
        Objects.requireNonNull(gain, "gain");
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    "A take-profit step closes more than nothing and at most all: " + fraction);
        }
    }
}

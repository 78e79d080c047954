package org.tickerdesk.trading.entity;

import java.util.Objects;

/**
 * A trailing stop: {@code distance} behind the best price since the entry, once the position has
 * gained {@code activationPercent} (from the start when that is null).
 */
public record Trailing(Offset distance, Double activationPercent) {

    public Trailing {
        Objects.requireNonNull(distance, "distance");
        if (!distance.isDistance()) {
            throw new IllegalArgumentException(
                    "A trailing stop keeps a distance (percent or amount), not a price");
        }
        if (activationPercent != null
                && !(Double.isFinite(activationPercent) && activationPercent >= 0)) {
            throw new IllegalArgumentException(
                    "A trailing stop activates at a gain of zero or more: " + activationPercent);
        }
    }
}

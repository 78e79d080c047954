package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How big a copy is: {@code amount} (money per trade) is given for {@link SizingMode#FIXED} only,
 * {@code ratio} (of the leader's quantity) for {@link SizingMode#RATIO} only, neither for {@link
 * SizingMode#SHARE}; each given one is above zero.
 */
public record Sizing(SizingMode mode, BigDecimal amount, BigDecimal ratio) {

    public Sizing {
        Objects.requireNonNull(mode, "mode");
        require(mode == SizingMode.FIXED, amount, "amount", mode);
        require(mode == SizingMode.RATIO, ratio, "ratio", mode);
    }

    public static Sizing fixed(BigDecimal amount) {
        return new Sizing(SizingMode.FIXED, amount, null);
    }

    public static Sizing ratio(BigDecimal ratio) {
        return new Sizing(SizingMode.RATIO, null, ratio);
    }

    public static Sizing share() {
        return new Sizing(SizingMode.SHARE, null, null);
    }

    private static void require(boolean needed, BigDecimal value, String name, SizingMode mode) {
        if (needed && value == null) {
            throw new IllegalArgumentException(name + " is needed for sizing " + mode);
        }
        if (!needed && value != null) {
            throw new IllegalArgumentException(name + " does not apply to sizing " + mode);
        }
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be above zero, not " + value);
        }
    }
}

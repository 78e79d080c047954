package org.tickerdesk.trading.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A rule fired: close {@code fraction} of the position's original quantity because of {@code
 * reason} ({@code step} is the take-profit rung, 0 otherwise). {@code level} is the price the rule
 * stood at (NaN for time and ROI exits, which have none) and {@code price} the watched price that
 * fired it, at {@code at}: a gap through a stop shows as a price beyond the level.
 */
public record ExitSignal(
        ExitReason reason, int step, double fraction, double level, double price, Instant at) {

    public ExitSignal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("A signal closes part of the position: " + fraction);
        }
    }
}

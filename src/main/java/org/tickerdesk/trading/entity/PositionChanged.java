package org.tickerdesk.trading.entity;

import java.util.Objects;

/** CDI event: a position was stored or changed (state, quantity, rules); after the commit. */
public record PositionChanged(PositionSnapshot position) {

    public PositionChanged {
        Objects.requireNonNull(position, "position");
    }
}

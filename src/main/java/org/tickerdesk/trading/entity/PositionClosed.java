package org.tickerdesk.trading.entity;

import java.util.Objects;

/** CDI event: the last of a position was sold (or bought back); after the commit. */
public record PositionClosed(PositionSnapshot position) {

    public PositionClosed {
        Objects.requireNonNull(position, "position");
    }
}

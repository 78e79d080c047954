package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed (or settled) position of a book as a P&amp;L curve sees it: when it closed and what it
 * realised in all, less its fees.
 */
public record ClosedPnl(String book, long positionId, Instant closedAt, BigDecimal pnl) {

    public ClosedPnl {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(pnl, "pnl");
    }
}

package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed (or settled) position of a book as a P&amp;L curve sees it: when it closed, what it
 * realised in all less its fees ({@code pnl}), that summed with every position of the book that
 * closed before it ({@code summed}), and how many of the book's positions are closed in all.
 */
public record ClosedPnl(
        String book,
        long positionId,
        Instant closedAt,
        BigDecimal pnl,
        BigDecimal summed,
        int closedInBook) {

    public ClosedPnl {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(summed, "summed");
        if (closedInBook < 1) {
            throw new IllegalArgumentException(
                    "a closed position's book has one or more closed, not " + closedInBook);
        }
    }
}

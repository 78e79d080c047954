package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one book's positions made, summed by the database: the P&amp;L realised by all of them less
 * their fees, the unrealised P&amp;L of those still open or closing as last written by the exit
 * engine, how many are closed or settled, and of those how many realised more than their fees.
 */
public record BookPnl(
        String book, BigDecimal realizedPnl, BigDecimal unrealizedPnl, int closed, int wins) {

    public BookPnl {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        if (closed < 0 || wins < 0 || wins > closed) {
            throw new IllegalArgumentException(
                    "wins must be 0 to closed, not " + wins + " of " + closed);
        }
    }

    /** Nothing made yet: a book without positions. */
    public static BookPnl empty(String book) {
        return new BookPnl(book, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }
}

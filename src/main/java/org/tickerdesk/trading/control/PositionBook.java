package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * The positions of one book, as the component that opened them sums them: those waiting for their
 * entry, guarded or closing (oldest first), and the P&amp;L realised by all of them, closed ones
 * too, less fees.
 */
public record PositionBook(String book, List<PositionSnapshot> live, BigDecimal realizedPnl) {

    public PositionBook {
        Objects.requireNonNull(book, "book");
        live = List.copyOf(live);
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }
}

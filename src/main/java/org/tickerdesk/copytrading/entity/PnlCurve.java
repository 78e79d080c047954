package org.tickerdesk.copytrading.entity;

import java.util.List;
import java.util.Objects;

/**
 * The copied P&amp;L of one trader over time: the realised P&amp;L (less fees) of the positions
 * copied from them, summed in the order they closed, one point per close ({@code closed} of them,
 * at most 199 shown, picked evenly from the first to the last), and a last point at the time it was
 * read with all they realised (partial exits of open positions too) plus the unrealised P&amp;L of
 * those still open. Empty for a trader with no copied position.
 */
public record PnlCurve(long traderId, int closed, List<CurvePoint> points) {

    public PnlCurve {
        if (closed < 0) {
            throw new IllegalArgumentException("closed must not be negative, not " + closed);
        }
        points = List.copyOf(Objects.requireNonNull(points, "points"));
    }

    /** A trader with no copied position. */
    public static PnlCurve empty(long traderId) {
        return new PnlCurve(traderId, 0, List.of());
    }
}

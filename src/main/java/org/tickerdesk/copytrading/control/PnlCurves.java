package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tickerdesk.copytrading.entity.CurvePoint;
import org.tickerdesk.copytrading.entity.PnlCurve;
import org.tickerdesk.trading.control.BookPnl;
import org.tickerdesk.trading.control.ClosedPnl;

/**
 * A trader's copied P&amp;L curve ({@link PnlCurve}) from what trading summed over the trader's
 * book: each closed position's P&amp;L summed with all that closed before it, in the order they
 * closed, and a last point with the book's whole P&amp;L now, the figure {@code copiedPnl} of the
 * traders' performance. A sparkline needs no more than {@link #MAX_POINTS}: with more closes,
 * {@link #CLOSES} are picked evenly from the first to the last (trading picks them so in its query;
 * here the same rule keeps a longer list to that many).
 */
public final class PnlCurves {

    public static final int MAX_POINTS = 200;

    /** The closes shown at most, the last point aside. */
    public static final int CLOSES = MAX_POINTS - 1;

    private PnlCurves() {}

    /**
     * @param closes the trader's closed positions, in the order they closed, each summed with all
     *     before it
     * @param book what the trader's book made, null when it holds no position
     * @param now when the book was read: the last point's time, unless a close is later
     */
    public static PnlCurve of(long traderId, List<ClosedPnl> closes, BookPnl book, Instant now) {
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(now, "now");
        if (closes.isEmpty() && book == null) {
            return PnlCurve.empty(traderId);
        }
        List<CurvePoint> points = new ArrayList<>(MAX_POINTS);
        for (ClosedPnl close : pick(closes, CLOSES)) {
            points.add(new CurvePoint(close.closedAt(), close.summed()));
        }
        ClosedPnl latest = closes.isEmpty() ? null : closes.get(closes.size() - 1);
        Instant last = latest == null ? now : latest.closedAt();
        BigDecimal whole =
                book != null
                        ? book.realizedPnl().add(book.unrealizedPnl())
                        : latest == null ? BigDecimal.ZERO : latest.summed();
        points.add(new CurvePoint(now.isAfter(last) ? now : last, whole));
        return new PnlCurve(traderId, latest == null ? 0 : latest.closedInBook(), points);
    }

    /** At most {@code most} of {@code all}, evenly from the first to the last (both kept). */
    static <T> List<T> pick(List<T> all, int most) {
        int n = all.size();
        if (n <= most) {
            return all;
        }
        if (most == 1) {
            return List.of(all.get(n - 1));
        }
        List<T> picked = new ArrayList<>(most);
        for (int j = 0; j < most; j++) {
            // round(j × (n − 1) / (most − 1)) in integers
            long index = ((long) j * (n - 1) * 2 + (most - 1)) / (2L * (most - 1));
            picked.add(all.get((int) index));
        }
        return picked;
    }
}

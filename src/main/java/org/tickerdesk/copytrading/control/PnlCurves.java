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
 * book: the closed positions' P&amp;L added up in the order they closed, and a last point with the
 * book's whole P&amp;L now, the figure {@code copiedPnl} of the traders' performance. A sparkline
 * needs no more than {@link #MAX_POINTS}: with more closes, that many less one are picked evenly
 * from the first to the last, each still the sum of every close up to it.
 */
public final class PnlCurves {

    public static final int MAX_POINTS = 200;

    private PnlCurves() {}

    /**
     * @param closes the trader's closed positions, in the order they closed
     * @param book what the trader's book made, null when it holds no position
     * @param now when the book was read: the last point's time, unless a close is later
     */
    public static PnlCurve of(long traderId, List<ClosedPnl> closes, BookPnl book, Instant now) {
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(now, "now");
        if (closes.isEmpty() && book == null) {
            return PnlCurve.empty(traderId);
        }
        List<CurvePoint> summed = new ArrayList<>(closes.size() + 1);
        BigDecimal sum = BigDecimal.ZERO;
        for (ClosedPnl close : closes) {
            sum = sum.add(close.pnl());
            summed.add(new CurvePoint(close.closedAt(), sum));
        }
        List<CurvePoint> points = new ArrayList<>(pick(summed, MAX_POINTS - 1));
        Instant last = closes.isEmpty() ? now : closes.get(closes.size() - 1).closedAt();
        BigDecimal whole = book == null ? sum : book.realizedPnl().add(book.unrealizedPnl());
        points.add(new CurvePoint(now.isAfter(last) ? now : last, whole));
        return new PnlCurve(traderId, closes.size(), points);
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

package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.CurvePoint;
import org.tickerdesk.copytrading.entity.PnlCurve;
import org.tickerdesk.trading.control.BookPnl;
import org.tickerdesk.trading.control.ClosedPnl;

/**
 * A trader's copied P&amp;L curve, worked out by hand: three closed copies of +12, −1 and +0.5
 * (realised less fees) at 10:05, 11:20 and 12:00, summed by trading as they closed, and a book that
 * realised 14.25 in all (the three and 2.75 by a partial exit of a position still open) with 4.75
 * unrealised:
 *
 * <pre>
 *   10:05  12
 *   11:20  11      12 − 1
 *   12:00  11.5    11 + 0.5
 *   now    19      14.25 + 4.75
 * </pre>
 */
class PnlCurvesTest {

    private static final String BOOK = "trader:7";
    private static final Instant NOW = Instant.parse("2026-11-30T13:00:00Z");

    private static ClosedPnl close(long id, String at, String pnl, String summed) {
        return new ClosedPnl(
                BOOK, id, Instant.parse(at), new BigDecimal(pnl), new BigDecimal(summed), 3);
    }

    /** As trading sums them: each close with all before it. */
    private static final List<ClosedPnl> THREE =
            List.of(
                    close(1, "2026-11-30T10:05:00Z", "12", "12"),
                    close(2, "2026-11-30T11:20:00Z", "-1", "11"),
                    close(3, "2026-11-30T12:00:00Z", "0.5", "11.5"));

    private static void assertPoint(String at, String pnl, CurvePoint point) {
        assertEquals(Instant.parse(at), point.at());
        assertEquals(0, new BigDecimal(pnl).compareTo(point.pnl()), pnl + " vs " + point.pnl());
    }

    @Test
    void theClosesAreSummedInOrderAndTheLastPointIsTheWholeBookNow() {
        BookPnl book = new BookPnl(BOOK, new BigDecimal("14.25"), new BigDecimal("4.75"), 3, 2);

        PnlCurve curve = PnlCurves.of(7, THREE, book, NOW);

        assertEquals(7, curve.traderId());
        assertEquals(3, curve.closed());
        assertEquals(4, curve.points().size());
        assertPoint("2026-11-30T10:05:00Z", "12", curve.points().get(0));
        assertPoint("2026-11-30T11:20:00Z", "11", curve.points().get(1));
        assertPoint("2026-11-30T12:00:00Z", "11.5", curve.points().get(2));
        assertPoint("2026-11-30T13:00:00Z", "19", curve.points().get(3));
    }

    @Test
    void withNothingOpenTheLastPointRepeatsTheLastClose() {
        BookPnl book = new BookPnl(BOOK, new BigDecimal("11.5"), BigDecimal.ZERO, 3, 2);

        PnlCurve curve = PnlCurves.of(7, THREE, book, NOW);

        assertPoint("2026-11-30T13:00:00Z", "11.5", curve.points().get(3));
    }

    @Test
    void anOpenPositionAloneIsOnePointOfItsUnrealisedPnl() {
        BookPnl book = new BookPnl(BOOK, BigDecimal.ZERO, new BigDecimal("-0.3"), 0, 0);

        PnlCurve curve = PnlCurves.of(7, List.of(), book, NOW);

        assertEquals(0, curve.closed());
        assertEquals(1, curve.points().size());
        assertPoint("2026-11-30T13:00:00Z", "-0.3", curve.points().get(0));
    }

    @Test
    void aTraderWithoutACopiedPositionHasNoPoints() {
        assertEquals(PnlCurve.empty(7), PnlCurves.of(7, List.of(), null, NOW));
    }

    @Test
    void aCloseLaterThanTheReadDatesTheLastPoint() {
        // the database's clock may run a little ahead of ours
        Instant earlier = Instant.parse("2026-11-30T11:59:59Z");

        PnlCurve curve = PnlCurves.of(7, THREE, null, earlier);

        // no book given: the closes' sum
        assertPoint("2026-11-30T12:00:00Z", "11.5", curve.points().get(3));
    }

    @Test
    void moreClosesThanShownArePickedEvenlyEachStillTheSumOfAllBefore() {
        // 1,000 closes of +1 each, one a minute: the i-th (from 0) sums to i + 1
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        List<ClosedPnl> closes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            closes.add(
                    new ClosedPnl(
                            BOOK,
                            i,
                            t0.plusSeconds(60L * i),
                            BigDecimal.ONE,
                            BigDecimal.valueOf(i + 1),
                            1000));
        }
        BookPnl book = new BookPnl(BOOK, new BigDecimal("1000"), BigDecimal.ZERO, 1000, 1000);

        PnlCurve curve = PnlCurves.of(7, closes, book, NOW);

        assertEquals(1000, curve.closed());
        assertEquals(PnlCurves.MAX_POINTS, curve.points().size());
        // 199 picked of 1,000: the j-th is close round(j × 999 / 198); the 1st, the 100th, the last
        assertPoint("2026-11-01T00:00:00Z", "1", curve.points().get(0));
        // 99 × 999 / 198 = 499.5, rounded half up: close 500, summing to 501
        assertPoint("2026-11-01T08:20:00Z", "501", curve.points().get(99));
        assertPoint("2026-11-01T16:39:00Z", "1000", curve.points().get(198));
        assertPoint("2026-11-30T13:00:00Z", "1000", curve.points().get(199));
        // the picked closes rise, each a later sum than the one before
        for (int j = 1; j < curve.points().size() - 1; j++) {
            assertTrue(
                    curve.points().get(j).pnl().compareTo(curve.points().get(j - 1).pnl()) > 0,
                    "rising at " + j);
        }
    }

    @Test
    void closesPickedByTradingCountAllOfTheBooksCloses() {
        // trading picked the first, the middle and the last of 5: 1, 3 and 5 of +1 each
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        List<ClosedPnl> picked =
                List.of(
                        new ClosedPnl(BOOK, 1, t0, BigDecimal.ONE, new BigDecimal("1"), 5),
                        new ClosedPnl(
                                BOOK,
                                3,
                                t0.plusSeconds(120),
                                BigDecimal.ONE,
                                new BigDecimal("3"),
                                5),
                        new ClosedPnl(
                                BOOK,
                                5,
                                t0.plusSeconds(240),
                                BigDecimal.ONE,
                                new BigDecimal("5"),
                                5));

        PnlCurve curve = PnlCurves.of(7, picked, null, NOW);

        assertEquals(5, curve.closed());
        assertEquals(4, curve.points().size());
        assertPoint("2026-11-30T10:02:00Z", "3", curve.points().get(1));
        assertPoint("2026-11-30T13:00:00Z", "5", curve.points().get(3));
    }

    @Test
    void pickingKeepsAllThatFitAndTheEndsOfMore() {
        List<Integer> ten = IntStream.range(0, 10).boxed().toList();

        assertEquals(ten, PnlCurves.pick(ten, 10));
        // round(j × 9 / 3): 0, 3, 6, 9
        assertEquals(List.of(0, 3, 6, 9), PnlCurves.pick(ten, 4));
        // round(j × 9 / 2): 0, 4.5 → 5, 9
        assertEquals(List.of(0, 5, 9), PnlCurves.pick(ten, 3));
        assertEquals(List.of(9), PnlCurves.pick(ten, 1));
    }
}

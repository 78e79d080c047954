package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * A book's closed positions as its P&amp;L curve reads them, summed and picked by PostgreSQL,
 * worked out by hand. Book A closed seven positions, one a minute from 10:00 (written out of
 * order):
 *
 * <pre>
 *   minute  realised  fees  P&amp;L  summed
 *   0       10        1      9     9
 *   1       -4        0     -4     5
 *   2       2.5       0.5    2     7
 *   3       0         0      0     7
 *   4       1         0      1     8
 *   5       -3        0     -3     5
 *   6       6         1      5    10
 * </pre>
 *
 * and holds an open position that realised 100 by a partial exit and a cancelled one, neither
 * closed; book B closed two, of 1 and 2. Each run writes books of its own labels.
 */
@ExtendWith(ArquillianExtension.class)
class ClosedPnlContainerIT {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject PositionStore store;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    private String prefix;
    private String a;
    private String b;

    @BeforeEach
    void writeTheBooks() throws SQLException {
        prefix = "cit-" + System.nanoTime() + ":";
        a = prefix + "a";
        b = prefix + "b";
        try (Connection db = database.getConnection()) {
            for (int minute : new int[] {3, 0, 6, 1, 5, 2, 4}) {
                String[] figures =
                        switch (minute) {
                            case 0 -> new String[] {"10", "1"};
                            case 1 -> new String[] {"-4", "0"};
                            case 2 -> new String[] {"2.5", "0.5"};
                            case 3 -> new String[] {"0", "0"};
                            case 4 -> new String[] {"1", "0"};
                            case 5 -> new String[] {"-3", "0"};
                            default -> new String[] {"6", "1"};
                        };
                position(db, a, "CLOSED", figures[0], figures[1], T0.plusSeconds(60L * minute));
            }
            position(db, a, "OPEN", "100", "0", null);
            position(db, a, "CANCELLED", "0", "0", null);
            position(db, b, "CLOSED", "1", "0", T0.plusSeconds(30));
            position(db, b, "SETTLED", "2", "0", T0.plusSeconds(90));
        }
    }

    private static void position(
            Connection db, String book, String state, String realised, String fees, Instant closed)
            throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO positions (symbol, account, broker, origin, state, side,"
                                + " ordered_quantity, quantity, realized_pnl, fees, rules,"
                                + " closed_at, created_at, updated_at, book) VALUES ('CITCURVE',"
                                + " 'paper', 'paper', 'COPY', ?, 'BUY', 1, ?, ?, ?, '{}', ?, ?, ?,"
                                + " ?)")) {
            insert.setString(1, state);
            insert.setBigDecimal(2, "OPEN".equals(state) ? BigDecimal.ONE : BigDecimal.ZERO);
            insert.setBigDecimal(3, new BigDecimal(realised));
            insert.setBigDecimal(4, new BigDecimal(fees));
            insert.setTimestamp(5, closed == null ? null : Timestamp.from(closed));
            insert.setTimestamp(6, Timestamp.from(T0));
            insert.setTimestamp(7, Timestamp.from(closed == null ? T0 : closed));
            insert.setString(8, book);
            assertEquals(1, insert.executeUpdate());
        }
    }

    private static void assertClose(
            String book, int minute, String pnl, String summed, int closed, ClosedPnl close) {
        assertEquals(book, close.book());
        assertEquals(T0.plusSeconds(60L * minute), close.closedAt(), close.toString());
        assertEquals(0, new BigDecimal(pnl).compareTo(close.pnl()), close.toString());
        assertEquals(0, new BigDecimal(summed).compareTo(close.summed()), close.toString());
        assertEquals(closed, close.closedInBook(), close.toString());
    }

    @Test
    void everyCloseOfABookInTheOrderTheyClosedEachSummedWithThoseBefore() {
        List<ClosedPnl> closes = store.closedInBook(a, 100);

        assertEquals(7, closes.size(), closes.toString());
        assertClose(a, 0, "9", "9", 7, closes.get(0));
        assertClose(a, 1, "-4", "5", 7, closes.get(1));
        assertClose(a, 2, "2", "7", 7, closes.get(2));
        assertClose(a, 3, "0", "7", 7, closes.get(3));
        assertClose(a, 4, "1", "8", 7, closes.get(4));
        assertClose(a, 5, "-3", "5", 7, closes.get(5));
        assertClose(a, 6, "5", "10", 7, closes.get(6));
    }

    @Test
    void moreThanAskedForArePickedEvenlyFromTheFirstToTheLast() {
        // 4 of 7: round(j × 6 / 3) = 0, 2, 4, 6
        List<ClosedPnl> four = store.closedInBook(a, 4);
        assertEquals(4, four.size(), four.toString());
        assertClose(a, 0, "9", "9", 7, four.get(0));
        assertClose(a, 2, "2", "7", 7, four.get(1));
        assertClose(a, 4, "1", "8", 7, four.get(2));
        assertClose(a, 6, "5", "10", 7, four.get(3));
        // 3 of 7: round(j × 6 / 2) = 0, 3, 6
        List<ClosedPnl> three = store.closedInBook(a, 3);
        assertEquals(
                List.of(0L, 3L, 6L),
                three.stream()
                        .map(c -> (c.closedAt().getEpochSecond() - T0.getEpochSecond()) / 60)
                        .toList());
        // 1: the last
        List<ClosedPnl> one = store.closedInBook(a, 1);
        assertEquals(1, one.size());
        assertClose(a, 6, "5", "10", 7, one.get(0));
    }

    @Test
    void theBooksOfAPrefixAreSummedAndPickedEachOnItsOwn() {
        List<ClosedPnl> closes = store.closedInBooks(prefix, 3);

        assertEquals(5, closes.size(), closes.toString());
        assertEquals(List.of(a, a, a, b, b), closes.stream().map(ClosedPnl::book).toList());
        assertClose(a, 3, "0", "7", 7, closes.get(1));
        // book B's settled one counts as closed; its sum starts again from its own first
        assertEquals(T0.plusSeconds(30), closes.get(3).closedAt());
        assertEquals(0, BigDecimal.ONE.compareTo(closes.get(3).summed()));
        assertEquals(0, new BigDecimal("3").compareTo(closes.get(4).summed()));
        assertEquals(2, closes.get(4).closedInBook());
    }
}

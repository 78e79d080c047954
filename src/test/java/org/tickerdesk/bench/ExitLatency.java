package org.tickerdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The exits that fired in a window, read from {@code position_exits}: the engine's own tick to
 * order time, and the two parts the stored times split it into, each as percentiles in
 * milliseconds. {@code tick_at} is the quote's source time, {@code triggered_at} when the exit lane
 * began to commit it, {@code sent_at} when the order desk had stored the order and handed it to the
 * broker.
 */
record ExitLatency(long fired, long failed, long[] tickToOrder, long[] waiting, long[] storing) {

    static ExitLatency read(Connection db, Instant from, Instant to) throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement(
                        "SELECT tick_to_order_us, (extract(epoch FROM triggered_at - tick_at) *"
                                + " 1e6)::bigint, (extract(epoch FROM sent_at - triggered_at) *"
                                + " 1e6)::bigint FROM position_exits WHERE triggered_at >= ? AND"
                                + " triggered_at < ? AND tick_to_order_us IS NOT NULL",
                        ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            long[] total = new long[0];
            long[] waiting = new long[0];
            long[] storing = new long[0];
            int n = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (n == total.length) {
                        int size = Math.max(1024, n * 2);
                        total = Arrays.copyOf(total, size);
                        waiting = Arrays.copyOf(waiting, size);
                        storing = Arrays.copyOf(storing, size);
                    }
                    total[n] = rows.getLong(1);
                    waiting[n] = rows.getLong(2);
                    storing[n] = rows.getLong(3);
                    n++;
                }
            }
            long fired = count(db, "", from, to);
            long failed = count(db, " AND state = 'FAILED'", from, to);
            return new ExitLatency(
                    fired, failed, sorted(total, n), sorted(waiting, n), sorted(storing, n));
        }
    }

    private static long count(Connection db, String condition, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement(
                        "SELECT count(*) FROM position_exits WHERE triggered_at >= ? AND"
                                + " triggered_at < ?"
                                + condition)) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long[] sorted(long[] values, int n) {
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted;
    }

    String table() {
        return String.format(
                Locale.ROOT,
                "Exits fired in the window: %,d (failed: %,d), with a tick to order time: %,d%n%n"
                        + "| Exit time | p50 ms | p99 ms | p99.9 ms | max ms |%n"
                        + "|---|--:|--:|--:|--:|%n"
                        + "%s%s%s",
                fired,
                failed,
                tickToOrder.length,
                row("Tick to order submitted (tick_to_order_us)", tickToOrder),
                row("… tick to the exit lane committing (triggered_at − tick_at)", waiting),
                row("… commit and order stored, handed over (sent_at − triggered_at)", storing));
    }

    private static String row(String name, long[] micros) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                name,
                millis(micros, 50),
                millis(micros, 99),
                millis(micros, 99.9),
                millis(micros, 100));
    }

    /** The nearest-rank percentile in milliseconds; "–" without values. */
    private static String millis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return "–";
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        double millis = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
        return String.format(
                Locale.ROOT, millis < 10 ? "%.2f" : millis < 1000 ? "%.1f" : "%,.0f", millis);
    }
}

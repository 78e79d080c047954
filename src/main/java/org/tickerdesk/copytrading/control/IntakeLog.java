package org.tickerdesk.copytrading.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.tickerdesk.copytrading.entity.IntakeEntry;
import org.tickerdesk.copytrading.entity.IntakeFigures;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.TradeSkipped;

/**
 * Where the trade intake is kept: PostgreSQL, table {@code copy_intake}, one transaction per call
 * unless the caller has one. A trade is written once per trader, feed and trade id: written again,
 * the first entry is answered, unchanged.
 */
@Stateless
public class IntakeLog {

    public static final int MAX_LIST = 500;

    /** A trade written to the intake; {@code fresh} is false when it was there already. */
    public record Received(IntakeSnapshot entry, boolean fresh) {}

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Event<TradeSkipped> skipped;

    /** Writes a leader's trade, committed before it is decided; once per trader, feed and id. */
    public Received receive(long traderId, String feed, LeaderTrade trade, Instant at) {
        @SuppressWarnings("unchecked")
        List<Number> inserted =
                em.createNativeQuery(
                                "INSERT INTO copy_intake (trader_id, feed, trade_id, symbol, side,"
                                    + " quantity, price, traded_at, leader_portfolio_value,"
                                    + " received_at, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6,?7, ?8,"
                                    + " CAST(?9 AS NUMERIC), ?10, 'RECEIVED') ON CONFLICT"
                                    + " (trader_id, feed, trade_id) DO NOTHING RETURNING id")
                        .setParameter(1, traderId)
                        .setParameter(2, feed)
                        .setParameter(3, trade.tradeId())
                        .setParameter(4, trade.symbol())
                        .setParameter(5, trade.side().name())
                        .setParameter(6, trade.quantity())
                        .setParameter(7, trade.price())
                        .setParameter(8, Timestamp.from(trade.time()))
                        .setParameter(9, trade.leaderPortfolioValue())
                        .setParameter(10, Timestamp.from(at))
                        .getResultList();
        if (!inserted.isEmpty()) {
            return new Received(find(inserted.get(0).longValue()).orElseThrow(), true);
        }
        @SuppressWarnings("unchecked")
        List<Number> existing =
                em.createNativeQuery(
                                "SELECT id FROM copy_intake WHERE trader_id = ?1 AND feed = ?2 AND"
                                        + " trade_id = ?3")
                        .setParameter(1, traderId)
                        .setParameter(2, feed)
                        .setParameter(3, trade.tradeId())
                        .getResultList();
        return new Received(find(existing.get(0).longValue()).orElseThrow(), false);
    }

    public Optional<IntakeSnapshot> find(long id) {
        return Optional.ofNullable(em.find(IntakeEntry.class, id)).map(IntakeEntry::snapshot);
    }

    /** The entry, locked until the caller's transaction ends: one decision at a time. */
    public Optional<IntakeEntry> lock(long id) {
        return Optional.ofNullable(em.find(IntakeEntry.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A trader's entries, newest first, of one status or all (null). */
    public List<IntakeSnapshot> list(long traderId, IntakeStatus status, int limit) {
        var query =
                status == null
                        ? em.createNamedQuery(IntakeEntry.OF_TRADER, IntakeEntry.class)
                        : em.createNamedQuery(IntakeEntry.OF_TRADER_IN_STATUS, IntakeEntry.class)
                                .setParameter("status", status);
        return query.setParameter("trader", traderId)
                .setMaxResults(limit)
                .getResultStream()
                .map(IntakeEntry::snapshot)
                .toList();
    }

    /**
     * What the copy-filter task looks at, oldest first: every waiting entry, and the entries never
     * decided and the copies whose order was not placed that were received before {@code before}
     * (younger ones are still in the intake's own hands).
     */
    public List<IntakeSnapshot> unsettled(Instant before, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids =
                em.createNativeQuery(
                                "SELECT id FROM copy_intake WHERE status = 'WAITING' OR ((status ="
                                        + " 'RECEIVED' OR (status = 'COPIED' AND ordered_at IS"
                                        + " NULL)) AND received_at < ?1) ORDER BY id LIMIT ?2")
                        .setParameter(1, Timestamp.from(before))
                        .setParameter(2, limit)
                        .getResultList();
        return ids.stream().map(id -> find(id.longValue()).orElseThrow()).toList();
    }

    /**
     * The signed quantity the leader held in the symbol before this entry's trade: their earlier
     * trades in it, by the leader's time (then by arrival), buys adding and sells taking away.
     */
    public BigDecimal leaderHeldBefore(IntakeSnapshot entry) {
        Object sum =
                em.createNativeQuery(
                                "SELECT COALESCE(SUM(CASE side WHEN 'BUY' THEN quantity ELSE"
                                        + " -quantity END), 0) FROM copy_intake WHERE trader_id ="
                                        + " ?1 AND symbol = ?2 AND (traded_at < ?3 OR (traded_at ="
                                        + " ?3 AND id < ?4))")
                        .setParameter(1, entry.traderId())
                        .setParameter(2, entry.trade().symbol())
                        .setParameter(3, Timestamp.from(entry.trade().time()))
                        .setParameter(4, entry.id())
                        .getSingleResult();
        return sum instanceof BigDecimal value ? value : new BigDecimal(sum.toString());
    }

    /**
     * The copy's order was placed: when, and for a reduction the first exit order's id; the fill
     * when it is known already.
     */
    public IntakeSnapshot ordered(
            long id, Instant at, String orderId, Instant filledAt, BigDecimal fillPrice) {
        IntakeEntry entry = em.find(IntakeEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        entry.ordered(at, orderId);
        if (filledAt != null && fillPrice != null) {
            entry.filled(filledAt, fillPrice);
        }
        return entry.snapshot();
    }

    /** The order desk or the broker refused the copy's order: skipped, and told so. */
    public IntakeSnapshot refused(long id, String why, String traderName, Instant at) {
        IntakeEntry entry = em.find(IntakeEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        entry.refused(why, at);
        IntakeSnapshot snapshot = entry.snapshot();
        skipped.fire(new TradeSkipped(snapshot, traderName));
        return snapshot;
    }

    /**
     * A fill of one of our copy orders, reported by the order desk: the first fill's time and the
     * average price so far; nothing when no copy placed this order.
     */
    public Optional<IntakeSnapshot> filled(String clientOrderId, Instant at, BigDecimal average) {
        List<IntakeEntry> entries =
                em.createQuery(
                                "SELECT e FROM IntakeEntry e WHERE e.clientOrderId = :id",
                                IntakeEntry.class)
                        .setParameter("id", clientOrderId)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
        if (entries.isEmpty() || entries.get(0).status() != IntakeStatus.COPIED) {
            return Optional.empty();
        }
        IntakeEntry entry = entries.get(0);
        entry.filled(at, average);
        return Optional.of(entry.snapshot());
    }

    /**
     * How many times each trader's entries were written (inserted or changed), by trader: counted
     * by the database in the transaction of each write, so a count read before {@link
     * #figures(Collection)} that has not moved since means those figures still hold. A trader with
     * no entry has no count.
     */
    public Map<Long, Long> changes() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("SELECT trader_id, changes FROM copy_intake_changes")
                        .getResultList();
        Map<Long, Long> changes = new HashMap<>();
        for (Object[] r : rows) {
            changes.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return changes;
    }

    /**
     * The figures of these traders that the log holds (see {@link IntakeFigures}), summed in two
     * queries over their entries: the counts and percentiles by trader (PostgreSQL's {@code
     * percentile_disc} is the nearest rank of {@link NearestRank}), and the leader's P&amp;L by
     * trader and symbol ({@link LeaderPnl}). Delays are in microseconds, as the times are kept. A
     * copy counts once its order was placed; its side is the copy's, else the leader's. A trader
     * without an entry is not in the answer.
     */
    public Map<Long, IntakeFigures> figures(Collection<Long> traders) {
        Map<Long, IntakeFigures> figures = new HashMap<>();
        if (traders.isEmpty()) {
            return figures;
        }
        String ids = ids(traders);
        // a million trades sort in memory rather than in temporary files; for this transaction only
        em.createNativeQuery("SET LOCAL work_mem = '64MB'").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT trader_id, COUNT(*) FILTER (WHERE c), COUNT(*) FILTER"
                                    + " (WHERE status = 'SKIPPED'), COUNT(*) FILTER (WHERE f),"
                                    + " percentile_disc(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY"
                                    + " to_order) FILTER (WHERE c), percentile_disc(ARRAY[0.5,"
                                    + " 0.95]) WITHIN GROUP (ORDER BY to_fill) FILTER (WHERE f),"
                                    + " percentile_disc(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY"
                                    + " slip) FILTER (WHERE f), percentile_disc(ARRAY[0.5, 0.95])"
                                    + " WITHIN GROUP (ORDER BY round(slip * 10000 / price, 2))"
                                    + " FILTER (WHERE f) FROM (SELECT trader_id, status, price,"
                                    + " status = 'COPIED' AND ordered_at IS NOT NULL AS c, status ="
                                    + " 'COPIED' AND ordered_at IS NOT NULL AND filled_at IS NOT"
                                    + " NULL AS f, (EXTRACT(EPOCH FROM ordered_at - traded_at) *"
                                    + " 1000000)::bigint AS to_order, (EXTRACT(EPOCH FROM filled_at"
                                    + " - traded_at) * 1000000)::bigint AS to_fill, CASE"
                                    + " COALESCE(copy_side, side) WHEN 'BUY' THEN fill_price -"
                                    + " price ELSE price - fill_price END AS slip FROM copy_intake"
                                    + " WHERE trader_id = ANY (CAST(?1 AS BIGINT[]))) t GROUP BY"
                                    + " trader_id")
                        .setParameter(1, ids)
                        .getResultList();
        Map<Long, BigDecimal> leader = leaderPnl(ids);
        for (Object[] r : rows) {
            long trader = ((Number) r[0]).longValue();
            Object[] toOrder = array(r[4]);
            Object[] toFill = array(r[5]);
            Object[] slip = array(r[6]);
            Object[] bps = array(r[7]);
            figures.put(
                    trader,
                    new IntakeFigures(
                            trader,
                            ((Number) r[1]).intValue(),
                            ((Number) r[2]).longValue(),
                            ((Number) r[3]).intValue(),
                            micros(toOrder[0]),
                            micros(toOrder[1]),
                            micros(toFill[0]),
                            micros(toFill[1]),
                            decimal(slip[0]),
                            decimal(slip[1]),
                            decimal(bps[0]),
                            decimal(bps[1]),
                            leader.getOrDefault(trader, BigDecimal.ZERO)));
        }
        return figures;
    }

    /**
     * The leader's P&amp;L by trader: {@link LeaderPnl} of each symbol's sums, added up; each
     * symbol's last price is one step down the (trader, symbol, time) index.
     */
    private Map<Long, BigDecimal> leaderPnl(String traders) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT s.trader_id, s.sold, s.bought, s.held, (SELECT price FROM"
                                    + " copy_intake l WHERE l.trader_id = s.trader_id AND l.symbol"
                                    + " = s.symbol ORDER BY traded_at DESC, id DESC LIMIT 1) FROM"
                                    + " (SELECT trader_id, symbol, COALESCE(SUM(quantity * price)"
                                    + " FILTER (WHERE side = 'SELL'), 0) AS sold,"
                                    + " COALESCE(SUM(quantity * price) FILTER (WHERE side = 'BUY'),"
                                    + " 0) AS bought, SUM(CASE side WHEN 'BUY' THEN quantity ELSE"
                                    + " -quantity END) AS held FROM copy_intake WHERE trader_id ="
                                    + " ANY (CAST(?1 AS BIGINT[])) GROUP BY trader_id, symbol) s")
                        .setParameter(1, traders)
                        .getResultList();
        Map<Long, BigDecimal> pnl = new HashMap<>();
        for (Object[] r : rows) {
            pnl.merge(
                    ((Number) r[0]).longValue(),
                    LeaderPnl.of(decimal(r[1]), decimal(r[2]), decimal(r[3]), decimal(r[4])),
                    BigDecimal::add);
        }
        return pnl;
    }

    /** Trader ids as a PostgreSQL array literal, {@code {1,2}}: one statement for any number. */
    private static String ids(Collection<Long> traders) {
        StringJoiner ids = new StringJoiner(",", "{", "}");
        traders.forEach(id -> ids.add(Long.toString(id)));
        return ids.toString();
    }

    private static Object[] array(Object value) {
        if (value == null) {
            return new Object[2];
        }
        if (value instanceof java.sql.Array sql) {
            try {
                return (Object[]) sql.getArray();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return (Object[]) value;
    }

    private static Duration micros(Object value) {
        return value == null ? null : Duration.ofNanos(((Number) value).longValue() * 1_000);
    }

    private static BigDecimal decimal(Object value) {
        return value == null
                ? null
                : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}

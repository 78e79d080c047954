package org.tickerdesk.copytrading.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.copytrading.entity.IntakeEntry;
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
}

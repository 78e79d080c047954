package org.tickerdesk.resolution.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.resolution.entity.InstrumentResolution;
import org.tickerdesk.resolution.entity.InstrumentResolved;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.ResolutionSnapshot;
import org.tickerdesk.trading.control.PositionStore;
import org.tickerdesk.trading.entity.PositionSettled;

/**
 * Where each instrument's resolution is kept: PostgreSQL, one transaction per call. Resolving an
 * instrument and settling its positions at that value is one transaction, so a resolution is never
 * stored without its settlement nor a position settled at a value that is not stored. Each call
 * holds the instrument's row locked, so the scheduled run and an admin resolving the same
 * instrument at once take turns, and the second finds the first's work done.
 */
@Stateless
public class ResolutionStore {

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject PositionStore positions;

    @Inject InstrumentCatalog catalog;

    @Inject Event<InstrumentResolved> resolvedEvents;

    /** A resolution and what resolving it did. */
    public record Settled(
            ResolutionSnapshot resolution, boolean resolvedNow, List<PositionSettled> positions) {}

    public List<ResolutionSnapshot> all() {
        return em.createNamedQuery(InstrumentResolution.ALL, InstrumentResolution.class)
                .getResultStream()
                .map(InstrumentResolution::snapshot)
                .toList();
    }

    public Optional<ResolutionSnapshot> find(String symbol) {
        return em.createNamedQuery(InstrumentResolution.BY_SYMBOL, InstrumentResolution.class)
                .setParameter("symbol", symbol)
                .getResultStream()
                .findFirst()
                .map(InstrumentResolution::snapshot);
    }

    /** A source was asked and could not tell: why, kept while the instrument awaits resolution. */
    public ResolutionSnapshot awaiting(String symbol, String why, Instant at) {
        InstrumentResolution row = locked(symbol, why, at);
        row.awaiting(why, at);
        return row.snapshot();
    }

    /**
     * Resolves the instrument (unless it is resolved at this value already) and settles its open
     * and closing positions at the value, in this one transaction.
     *
     * @param source the source that determined it ({@code simulated}, {@code ibkr}, {@code manual})
     * @throws ResolutionConflictException when it was resolved at another value; nothing changes
     */
    public Settled resolve(String symbol, Resolution resolution, String source, Instant at) {
        InstrumentResolution row = locked(symbol, "being resolved", at);
        boolean now;
        try {
            now = row.resolve(resolution, source, at);
        } catch (IllegalStateException e) {
            throw new ResolutionConflictException(e.getMessage());
        }
        ResolutionSnapshot resolved = row.snapshot();
        List<PositionSettled> settled =
                positions.settle(symbol, resolved.settlementPrice(), resolved.basis(), at);
        row.settled(settled.size(), at);
        // trading refuses new positions in it from this commit on
        catalog.settled(symbol, at);
        em.flush();
        if (now) {
            resolvedEvents.fire(new InstrumentResolved(row.snapshot()));
        }
        return new Settled(row.snapshot(), now, settled);
    }

    /** The instrument's row, created awaiting if it has none, locked for this transaction. */
    private InstrumentResolution locked(String symbol, String why, Instant at) {
        em.createNativeQuery(
                        "INSERT INTO resolutions (symbol, state, reason, created_at, updated_at)"
                                + " VALUES (?1, 'AWAITING', ?2, ?3, ?3) ON CONFLICT (symbol) DO"
                                + " NOTHING")
                .setParameter(1, symbol)
                .setParameter(2, why == null || why.length() <= 500 ? why : why.substring(0, 499))
                .setParameter(3, Timestamp.from(at))
                .executeUpdate();
        return em.createNamedQuery(InstrumentResolution.BY_SYMBOL, InstrumentResolution.class)
                .setParameter("symbol", symbol)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }
}

package org.tickerdesk.resolution.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What one instrument settled at, or why that is not known yet. It moves AWAITING → RESOLVED and
 * never back, and once resolved its value never changes: a different value is refused, the same one
 * again is no change.
 */
@Entity
@Table(name = "resolutions")
@NamedQuery(
        name = InstrumentResolution.ALL,
        query = "SELECT r FROM InstrumentResolution r ORDER BY r.symbol")
@NamedQuery(
        name = InstrumentResolution.BY_SYMBOL,
        query = "SELECT r FROM InstrumentResolution r WHERE r.symbol = :symbol")
public class InstrumentResolution {

    public static final String ALL = "InstrumentResolution.all";
    public static final String BY_SYMBOL = "InstrumentResolution.bySymbol";
    static final int TEXT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 32)
    private String symbol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private ResolutionState state;

    @Column(name = "settlement_price", precision = 19, scale = 8)
    private BigDecimal settlementPrice;

    @Enumerated(EnumType.STRING)
    @Column(length = 3)
    private Outcome outcome;

    @Column(length = 16)
    private String source;

    @Column(length = TEXT)
    private String basis;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "positions_settled", nullable = false)
    private int positionsSettled;

    @Column(name = "last_checked_at")
    private Instant lastCheckedAt;

    @Column(length = TEXT)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version private int version;

    protected InstrumentResolution() {
        // for JPA
    }

    /** An instrument awaiting resolution. */
    public InstrumentResolution(String symbol, String why, Instant at) {
        if (symbol == null || symbol.isBlank() || symbol.length() > 32) {
            throw new IllegalArgumentException(
                    "A resolution names its symbol in 1 to 32 characters");
        }
        this.symbol = symbol;
        this.state = ResolutionState.AWAITING;
        this.reason = shorten(why);
        this.createdAt = Objects.requireNonNull(at, "at");
        this.updatedAt = at;
    }

    /**
     * A source was asked and could not tell: the reason is kept while awaiting; a resolved
     * instrument only notes the time.
     */
    public void awaiting(String why, Instant at) {
        lastCheckedAt = at;
        if (state == ResolutionState.AWAITING) {
            reason = shorten(why);
        }
        updatedAt = at;
    }

    /**
     * Resolves it.
     *
     * @return true when this resolved it, false when it was resolved at this very value already
     * @throws IllegalStateException when it was resolved at another value; nothing changes
     */
    public boolean resolve(Resolution resolution, String by, Instant at) {
        Objects.requireNonNull(resolution, "resolution");
        if (state == ResolutionState.RESOLVED) {
            if (snapshot().sameValue(resolution)) {
                return false;
            }
            throw new IllegalStateException(
                    symbol
                            + " was resolved at "
                            + describe(settlementPrice, outcome)
                            + " by "
                            + source
                            + " already; it cannot resolve at "
                            + describe(resolution.settlementPrice(), resolution.outcome()));
        }
        if (by == null || by.isBlank() || by.length() > 16) {
            throw new IllegalArgumentException(
                    "A resolution names its source in 1 to 16 characters");
        }
        state = ResolutionState.RESOLVED;
        settlementPrice = resolution.settlementPrice();
        outcome = resolution.outcome();
        basis = shorten(resolution.basis());
        source = by;
        resolvedAt = at;
        lastCheckedAt = at;
        reason = null;
        updatedAt = at;
        return true;
    }

    /** More of its positions were settled at it. */
    public void settled(int positions, Instant at) {
        if (positions < 0) {
            throw new IllegalArgumentException(
                    "Positions settled cannot be negative: " + positions);
        }
        if (positions > 0) {
            positionsSettled += positions;
            updatedAt = at;
        }
    }

    public String symbol() {
        return symbol;
    }

    public ResolutionState state() {
        return state;
    }

    public ResolutionSnapshot snapshot() {
        return new ResolutionSnapshot(
                symbol,
                state,
                settlementPrice,
                outcome,
                source,
                basis,
                resolvedAt,
                positionsSettled,
                lastCheckedAt,
                reason);
    }

    /** A value as a trader reads it: YES (1), or 6012.25. */
    public static String describe(BigDecimal price, Outcome outcome) {
        String value = price.stripTrailingZeros().toPlainString();
        return outcome == null ? value : outcome + " (" + value + ")";
    }

    private static String shorten(String text) {
        return text == null || text.length() <= TEXT ? text : text.substring(0, TEXT - 1) + "…";
    }
}

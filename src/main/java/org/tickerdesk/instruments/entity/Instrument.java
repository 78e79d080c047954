package org.tickerdesk.instruments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An instrument Tickerdesk knows, and whether it is on the watchlist. Its contract is validated by
 * {@link Contract}; leaving the watchlist keeps the row, so history stays attached to it. Once
 * resolved at the broker it also carries the broker's {@link InstrumentDetails} (contract id,
 * trading hours, ...), and the broker's answer then decides its exchange, currency, tick size and
 * expiry.
 */
@Entity
@Table(name = "instruments")
@NamedQuery(
        name = Instrument.WATCHLIST,
        query = "SELECT i FROM Instrument i WHERE i.onWatchlist = TRUE ORDER BY i.symbol")
@NamedQuery(name = Instrument.ALL, query = "SELECT i FROM Instrument i ORDER BY i.symbol")
@NamedQuery(
        name = Instrument.BY_SYMBOL,
        query = "SELECT i FROM Instrument i WHERE i.symbol = :symbol")
@NamedQuery(name = Instrument.BY_CONID, query = "SELECT i FROM Instrument i WHERE i.conId = :conId")
public class Instrument {

    public static final String WATCHLIST = "Instrument.watchlist";
    public static final String ALL = "Instrument.all";
    public static final String BY_SYMBOL = "Instrument.bySymbol";
    public static final String BY_CONID = "Instrument.byConId";

    /** The column's length; a longer description is refused, never cut. */
    public static final int DESCRIPTION_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String symbol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private InstrumentKind kind;

    @Column(nullable = false, length = 32)
    private String exchange;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "tick_size", nullable = false, precision = 19, scale = 8)
    private BigDecimal tickSize;

    private LocalDate expiry;

    @Column(length = DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "on_watchlist", nullable = false)
    private boolean onWatchlist;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "conid", unique = true)
    private Integer conId;

    @Column(precision = 19, scale = 8)
    private BigDecimal multiplier;

    @Column(name = "long_name", length = 200)
    private String longName;

    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Column(name = "trading_hours")
    private String tradingHours;

    @Column(name = "liquid_hours")
    private String liquidHours;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected Instrument() {
        // for JPA
    }

    public Instrument(Contract contract, String description) {
        this.symbol = contract.symbol();
        this.kind = contract.kind();
        this.exchange = contract.exchange();
        this.currency = contract.currency();
        this.tickSize = contract.tickSize();
        this.expiry = contract.expiry();
        this.description = cleanDescription(description);
        this.onWatchlist = true;
        this.createdAt = Instant.now();
    }

    /**
     * The description as stored: stripped, blank as none; refused when longer than the column or
     * holding control characters (the database refuses NUL).
     */
    public static String cleanDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String clean = description.strip();
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "The description must not contain control characters (such as NUL or a tab)");
        }
        int length = clean.codePointCount(0, clean.length());
        if (length > DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException(
                    "The description is "
                            + length
                            + " characters long; at most "
                            + DESCRIPTION_LENGTH
                            + " are allowed");
        }
        return clean;
    }

    /** A new instrument as the broker found it, on the watchlist. */
    public Instrument(ContractMatch match, Instant resolvedAt) {
        this(match.contract(), null);
        details(match.details(), resolvedAt);
    }

    /**
     * Takes the broker's answer for this instrument: the broker's exchange, currency, tick size and
     * expiry replace the stored ones, the symbol stays. Refused, with nothing changed, when the
     * answer is another kind of instrument or another contract than the one resolved before.
     */
    public void resolve(ContractMatch match, Instant at) {
        Contract found = match.contract();
        int foundId = match.details().conId();
        if (found.kind() != kind) {
            throw new IllegalArgumentException(
                    symbol
                            + " is known as a "
                            + kind.name().toLowerCase()
                            + ", but the broker's contract "
                            + foundId
                            + " is a "
                            + found.kind().name().toLowerCase());
        }
        if (conId != null && conId != foundId) {
            throw new IllegalArgumentException(
                    symbol
                            + " is the broker's contract "
                            + conId
                            + ", not "
                            + foundId
                            + "; another listing cannot share its symbol");
        }
        Contract updated =
                new Contract(
                        symbol,
                        kind,
                        found.exchange(),
                        found.currency(),
                        found.tickSize(),
                        found.expiry());
        exchange = updated.exchange();
        currency = updated.currency();
        tickSize = updated.tickSize();
        expiry = updated.expiry();
        details(match.details(), at);
    }

    private void details(InstrumentDetails details, Instant at) {
        Objects.requireNonNull(at, "at");
        this.conId = details.conId();
        this.multiplier = details.multiplier();
        this.longName = details.longName();
        this.timeZone = details.timeZone();
        this.tradingHours = details.tradingHours();
        this.liquidHours = details.liquidHours();
        this.resolvedAt = at;
    }

    /**
     * The details the broker gave when the instrument was looked up there; null if it never was.
     */
    public InstrumentDetails details() {
        if (conId == null) {
            return null;
        }
        return new InstrumentDetails(
                conId, multiplier, longName, timeZone, tradingHours, liquidHours);
    }

    public Contract contract() {
        return new Contract(symbol, kind, exchange, currency, tickSize, expiry);
    }

    public void watch() {
        onWatchlist = true;
    }

    public void unwatch() {
        onWatchlist = false;
    }

    public Long id() {
        return id;
    }

    public String symbol() {
        return symbol;
    }

    public InstrumentKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public boolean onWatchlist() {
        return onWatchlist;
    }

    /** The broker's contract id, or null while not resolved at the broker. */
    public Integer conId() {
        return conId;
    }

    public BigDecimal multiplier() {
        return multiplier;
    }

    public String longName() {
        return longName;
    }

    public String timeZone() {
        return timeZone;
    }

    public String tradingHours() {
        return tradingHours;
    }

    public String liquidHours() {
        return liquidHours;
    }

    /** When the broker's details were last taken, or null. */
    public Instant resolvedAt() {
        return resolvedAt;
    }

    /**
     * When its resolution settled it (its final value is known and no new position is taken in it),
     * or null while it has none.
     */
    public Instant settledAt() {
        return settledAt;
    }

    /** Its resolution settled it; the first time counts. */
    public void settled(Instant at) {
        Objects.requireNonNull(at, "at");
        if (settledAt == null) {
            settledAt = at;
        }
    }

    public boolean expiredOn(LocalDate day) {
        return expiry != null && expiry.isBefore(day);
    }
}

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

/**
 * An instrument Tickerdesk knows, and whether it is on the watchlist. Its contract is validated
 * by {@link Contract}; leaving the watchlist keeps the row, so history stays attached to it.
 */
@Entity
@Table(name = "instruments")
@NamedQuery(name = Instrument.WATCHLIST, query = "SELECT i FROM Instrument i WHERE i.onWatchlist = TRUE ORDER BY i.symbol")
@NamedQuery(name = Instrument.ALL, query = "SELECT i FROM Instrument i ORDER BY i.symbol")
@NamedQuery(name = Instrument.BY_SYMBOL, query = "SELECT i FROM Instrument i WHERE i.symbol = :symbol")
public class Instrument {

    public static final String WATCHLIST = "Instrument.watchlist";
    public static final String ALL = "Instrument.all";
    public static final String BY_SYMBOL = "Instrument.bySymbol";

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

    @Column(length = 200)
    private String description;

    @Column(name = "on_watchlist", nullable = false)
    private boolean onWatchlist;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

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
        this.description = description == null || description.isBlank() ? null : description.strip();
        if (this.description != null && this.description.length() > 200) {
            throw new IllegalArgumentException("The description is longer than 200 characters");
        }
        this.onWatchlist = true;
        this.createdAt = Instant.now();
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

    public boolean expiredOn(LocalDate day) {
        return expiry != null && expiry.isBefore(day);
    }
}

package org.tickerdesk.copytrading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A followed trader as stored: their {@link TraderSettings}, the secret their webhook trades are
 * signed with, and when they were created and last changed. Its rules: the settings are always a
 * valid {@link TraderSettings} (checked by it on every change) with a feed this server knows; the
 * exit rules are stored as the JSON the API speaks, written by the caller from those settings; the
 * secret is set once. Toggling is done in the database by one statement (see the store), so it is
 * not a method here.
 */
@Entity
@Table(name = "traders")
@NamedQuery(name = Trader.ALL, query = "SELECT t FROM Trader t ORDER BY t.name")
public class Trader {

    public static final String ALL = "Trader.all";

    /** The feeds a trader's trades may come from. */
    public static final Set<String> FEEDS = Set.of("webhook", "ibkr", "simulated");

    /** Hex characters of a webhook secret: 32 random bytes. */
    public static final int SECRET_LENGTH = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String feed;

    private boolean enabled;

    private boolean paper;

    @Column(nullable = false)
    private BigDecimal allocation;

    @Column(name = "sizing_mode", nullable = false)
    private String sizingMode;

    @Column(name = "sizing_amount")
    private BigDecimal sizingAmount;

    @Column(name = "sizing_ratio")
    private BigDecimal sizingRatio;

    @Column(name = "cap_per_trade")
    private BigDecimal capPerTrade;

    @Column(name = "cap_total_exposure")
    private BigDecimal capTotalExposure;

    @Column(name = "cap_open_positions")
    private Integer capOpenPositions;

    @Column(name = "allowed_symbols", nullable = false)
    private String allowedSymbols;

    @Column(name = "denied_symbols", nullable = false)
    private String deniedSymbols;

    @Column(name = "min_trade_size")
    private BigDecimal minTradeSize;

    @Column(name = "max_trade_size")
    private BigDecimal maxTradeSize;

    @Column(name = "max_delay_seconds")
    private Long maxDelaySeconds;

    @Column(name = "max_price_deviation_percent")
    private BigDecimal maxPriceDeviationPercent;

    @Column(name = "copy_exits")
    private boolean copyExits;

    @Column(name = "copy_stop_loss_percent")
    private BigDecimal copyStopLossPercent;

    @Column(nullable = false)
    private String rules;

    @Column(name = "webhook_secret", nullable = false)
    private String webhookSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "feed_account")
    private String feedAccount;

    @Version private long version;

    protected Trader() {
        // for JPA
    }

    /**
     * @param rules {@code settings.rules()} as JSON, already written by the exit rules' writer
     * @param secret the webhook secret, {@value #SECRET_LENGTH} hex characters
     */
    public Trader(TraderSettings settings, String rules, String secret, Instant at) {
        if (secret == null || !secret.matches("[0-9a-f]{" + SECRET_LENGTH + "}")) {
            throw new IllegalArgumentException(
                    "A webhook secret is " + SECRET_LENGTH + " lower-case hex characters");
        }
        this.webhookSecret = secret;
        this.createdAt = Objects.requireNonNull(at, "at");
        change(settings, rules, at);
    }

    /** New settings, whole; the name and feed may change too. */
    public void change(TraderSettings settings, String rules, Instant at) {
        Objects.requireNonNull(settings, "settings");
        if (!FEEDS.contains(settings.feed())) {
            throw new IllegalArgumentException(
                    "feed is one of " + new TreeSet<>(FEEDS) + ", not " + settings.feed());
        }
        if (rules == null || !rules.startsWith("{")) {
            throw new IllegalArgumentException("rules are a JSON object, not " + rules);
        }
        name = settings.name();
        feed = settings.feed();
        enabled = settings.enabled();
        paper = settings.paper();
        allocation = settings.allocation();
        sizingMode = settings.sizing().mode().name();
        sizingAmount = settings.sizing().amount();
        sizingRatio = settings.sizing().ratio();
        capPerTrade = settings.caps().perTrade();
        capTotalExposure = settings.caps().totalExposure();
        capOpenPositions = settings.caps().openPositions();
        allowedSymbols = joined(settings.filters().allowed());
        deniedSymbols = joined(settings.filters().denied());
        minTradeSize = settings.filters().minTradeSize();
        maxTradeSize = settings.filters().maxTradeSize();
        maxDelaySeconds =
                settings.filters().maxDelay() == null
                        ? null
                        : settings.filters().maxDelay().toSeconds();
        maxPriceDeviationPercent = settings.filters().maxPriceDeviationPercent();
        copyExits = settings.copyExits();
        copyStopLossPercent = settings.copyStopLossPercent();
        feedAccount = settings.feedAccount();
        this.rules = rules;
        updatedAt = Objects.requireNonNull(at, "at");
    }

    private static String joined(Set<String> symbols) {
        return symbols.stream().sorted().collect(Collectors.joining(","));
    }

    /** Symbols stored comma-separated, as a set. */
    public static Set<String> split(String joined) {
        return joined == null || joined.isEmpty()
                ? Set.of()
                : Set.copyOf(Arrays.asList(joined.split(",")));
    }

    public long id() {
        return id;
    }

    public String secret() {
        return webhookSecret;
    }

    public long version() {
        return version;
    }

    /** Everything stored, as the cache holds it. */
    public StoredTrader stored() {
        return new StoredTrader(
                id,
                name,
                feed,
                enabled,
                paper,
                allocation,
                sizingMode,
                sizingAmount,
                sizingRatio,
                capPerTrade,
                capTotalExposure,
                capOpenPositions,
                allowedSymbols,
                deniedSymbols,
                minTradeSize,
                maxTradeSize,
                maxDelaySeconds,
                maxPriceDeviationPercent,
                copyExits,
                copyStopLossPercent,
                rules,
                webhookSecret,
                createdAt,
                updatedAt,
                version,
                feedAccount);
    }
}

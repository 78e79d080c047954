package org.tickerdesk.trading.entity;

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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry with its own exit rules. Its entry fills raise the quantity (signed: negative for a
 * short) and move the average price; its exit fills lower it and realise P&amp;L against that
 * average. Its rules: it moves PENDING → OPEN → CLOSING → CLOSED (or SETTLED), never back out of a
 * final state; an exit never takes more than is held; rules change only while it is guarded or
 * pending. Price and unrealised P&amp;L are the engine's, written here behind ({@link #mark}).
 */
@Entity
@Table(name = "positions")
@NamedQuery(
        name = Position.IN_STATES,
        query = "SELECT p FROM Position p WHERE p.state IN :states ORDER BY p.id")
@NamedQuery(
        name = Position.BY_ENTRY_ORDER,
        query = "SELECT p FROM Position p WHERE p.entryOrderId = :id")
@NamedQuery(name = Position.RECENT, query = "SELECT p FROM Position p ORDER BY p.id DESC")
@NamedQuery(name = Position.BY_IDS, query = "SELECT p FROM Position p WHERE p.id IN :ids")
@NamedQuery(
        name = Position.LIVE_IN_BOOK,
        query =
                "SELECT p FROM Position p WHERE p.book = :book AND p.state IN :states ORDER BY"
                        + " p.id")
@NamedQuery(
        name = Position.IN_BOOK_AND_SYMBOL,
        query =
                "SELECT p FROM Position p WHERE p.book = :book AND p.symbol = :symbol ORDER BY"
                        + " p.id")
public class Position {

    public static final String IN_STATES = "Position.inStates";
    public static final String BY_ENTRY_ORDER = "Position.byEntryOrder";
    public static final String RECENT = "Position.recent";
    public static final String BY_IDS = "Position.byIds";
    public static final String LIVE_IN_BOOK = "Position.liveInBook";
    public static final String IN_BOOK_AND_SYMBOL = "Position.inBookAndSymbol";
    static final int SCALE = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 32)
    private String symbol;

    @Column(nullable = false, updatable = false, length = 32)
    private String account;

    @Column(nullable = false, updatable = false, length = 16)
    private String broker;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private PositionOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    private PositionState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 4)
    private Side side;

    @Column(name = "entry_order_id", length = 64)
    private String entryOrderId;

    @Column(name = "ordered_quantity", nullable = false, precision = 19, scale = SCALE)
    private BigDecimal orderedQuantity;

    @Column(nullable = false, precision = 19, scale = SCALE)
    private BigDecimal quantity;

    @Column(name = "entered_quantity", nullable = false, precision = 19, scale = SCALE)
    private BigDecimal enteredQuantity;

    @Column(name = "average_price", precision = 19, scale = SCALE)
    private BigDecimal averagePrice;

    @Column(name = "realized_pnl", nullable = false, precision = 19, scale = SCALE)
    private BigDecimal realizedPnl;

    @Column(nullable = false, precision = 19, scale = SCALE)
    private BigDecimal fees;

    @Column(name = "current_price", precision = 19, scale = SCALE)
    private BigDecimal currentPrice;

    @Column(name = "unrealized_pnl", precision = 19, scale = SCALE)
    private BigDecimal unrealizedPnl;

    @Column(name = "best_price", precision = 19, scale = SCALE)
    private BigDecimal bestPrice;

    @Column(nullable = false)
    private String rules;

    @Column(length = 500)
    private String reason;

    @Column(length = 64)
    private String protection;

    /** Whose position it is, as an opaque label of the component that opened it; null: no one's. */
    @Column(length = 64, updatable = false)
    private String book;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version private int version;

    protected Position() {
        // for JPA
    }

    /**
     * A position waiting for its entry order's fills.
     *
     * @param rules the exit rules as JSON, already checked
     */
    public Position(
            String symbol,
            String account,
            String broker,
            PositionOrigin origin,
            Side side,
            BigDecimal orderedQuantity,
            String rules,
            String entryOrderId,
            Instant at) {
        if (symbol == null || symbol.isBlank() || symbol.length() > 32) {
            throw new IllegalArgumentException("A position names its symbol in 1 to 32 characters");
        }
        if (orderedQuantity == null || orderedQuantity.signum() <= 0) {
            throw new IllegalArgumentException(
                    "A position is for a quantity above zero, not " + orderedQuantity);
        }
        this.symbol = symbol;
        this.account = Objects.requireNonNull(account, "account");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.side = Objects.requireNonNull(side, "side");
        this.orderedQuantity = orderedQuantity;
        this.rules = Objects.requireNonNull(rules, "rules");
        this.entryOrderId = entryOrderId;
        this.state = PositionState.PENDING;
        this.quantity = BigDecimal.ZERO;
        this.enteredQuantity = BigDecimal.ZERO;
        this.realizedPnl = BigDecimal.ZERO;
        this.fees = BigDecimal.ZERO;
        this.createdAt = Objects.requireNonNull(at, "at");
        this.updatedAt = at;
    }

    /**
     * A position waiting for its entry order's fills, in a book: copied from a followed trader, as
     * {@code book} says in the copying component's own words.
     */
    public Position(
            String book,
            String symbol,
            String account,
            String broker,
            Side side,
            BigDecimal orderedQuantity,
            String rules,
            String entryOrderId,
            Instant at) {
        this(
                symbol,
                account,
                broker,
                PositionOrigin.COPY,
                side,
                orderedQuantity,
                rules,
                Objects.requireNonNull(entryOrderId, "entryOrderId"),
                at);
        if (book == null || book.isBlank() || book.length() > 64) {
            throw new IllegalArgumentException("A book is named in 1 to 64 characters");
        }
        this.book = book;
    }

    public Long id() {
        return id;
    }

    public PositionState state() {
        return state;
    }

    public String symbol() {
        return symbol;
    }

    public Side side() {
        return side;
    }

    public String rules() {
        return rules;
    }

    /** The book it belongs to; null for none. */
    public String book() {
        return book;
    }

    /** +1 for a long, -1 for a short. */
    public int direction() {
        return side == Side.BUY ? 1 : -1;
    }

    public BigDecimal orderedQuantity() {
        return orderedQuantity;
    }

    /** What is held now, without its sign. */
    public BigDecimal held() {
        return quantity.abs();
    }

    /** An entry fill: more is held, at a new average price. */
    public void entered(BigDecimal filled, BigDecimal price, Instant at) {
        positive(filled, "An entry fill");
        if (state.isFinal()) {
            throw new IllegalStateException(
                    "Position " + id + " is " + state + ": an entry fill cannot open it again");
        }
        BigDecimal held = quantity.abs();
        BigDecimal total = held.add(filled);
        BigDecimal value = averagePrice == null ? BigDecimal.ZERO : averagePrice.multiply(held);
        averagePrice =
                value.add(price.multiply(filled)).divide(total, SCALE, RoundingMode.HALF_EVEN);
        enteredQuantity = enteredQuantity.add(filled);
        quantity = signed(total);
        if (state == PositionState.PENDING) {
            state = PositionState.OPEN;
            openedAt = at;
            bestPrice = price;
        }
        updatedAt = at;
    }

    /**
     * An exit fill: less is held, and the difference to the average price is realised. The last one
     * closes the position.
     */
    public void exited(BigDecimal filled, BigDecimal price, Instant at) {
        positive(filled, "An exit fill");
        BigDecimal held = quantity.abs();
        if (filled.compareTo(held) > 0) {
            throw new IllegalStateException(
                    "An exit of "
                            + filled.toPlainString()
                            + " is more than position "
                            + id
                            + " holds ("
                            + held.toPlainString()
                            + ")");
        }
        realizedPnl =
                realizedPnl.add(
                        price.subtract(averagePrice)
                                .multiply(filled)
                                .multiply(BigDecimal.valueOf(direction())));
        quantity = signed(held.subtract(filled));
        if (quantity.signum() == 0) {
            state = PositionState.CLOSED;
            closedAt = at;
            unrealizedPnl = BigDecimal.ZERO;
        }
        updatedAt = at;
    }

    public void charged(BigDecimal fee, Instant at) {
        fees = fees.add(fee);
        updatedAt = at;
    }

    /** A rule fired that closes all of it: the exit order is committed with this state. */
    public void closing(String why, Instant at) {
        if (state != PositionState.OPEN) {
            throw new IllegalStateException("Position " + id + " is " + state + ", not OPEN");
        }
        state = PositionState.CLOSING;
        reason = shorten(why);
        updatedAt = at;
    }

    /**
     * The instrument expired or resolved: all that is held is settled at {@code price}, its P&amp;L
     * realised against the average price (fees stay as charged), and the position ends {@code
     * SETTLED} holding nothing, so a late fill of an exit still working finds nothing to close and
     * an entry fill cannot open it again. Only an open or closing position settles; any other is
     * left as it is.
     *
     * @return the P&amp;L the settlement realised, or empty when the position was not settled
     */
    public Optional<BigDecimal> settle(BigDecimal price, String basis, Instant at) {
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0) {
            throw new IllegalArgumentException(
                    "A settlement price is not negative: " + price.toPlainString());
        }
        if (state != PositionState.OPEN && state != PositionState.CLOSING) {
            return Optional.empty();
        }
        BigDecimal held = quantity.abs();
        BigDecimal pnl =
                averagePrice == null
                        ? BigDecimal.ZERO
                        : price.subtract(averagePrice)
                                .multiply(held)
                                .multiply(BigDecimal.valueOf(direction()))
                                .setScale(SCALE, RoundingMode.HALF_EVEN);
        realizedPnl = realizedPnl.add(pnl);
        quantity = BigDecimal.ZERO;
        currentPrice = price;
        unrealizedPnl = BigDecimal.ZERO;
        state = PositionState.SETTLED;
        reason = shorten("Settled at " + price.stripTrailingZeros().toPlainString() + ": " + basis);
        closedAt = at;
        updatedAt = at;
        return Optional.of(pnl);
    }

    /** Nothing of the exit filled and none will be retried: it is guarded again. */
    public void reopened(String why, Instant at) {
        if (state == PositionState.CLOSING) {
            state = PositionState.OPEN;
            reason = shorten(why);
            updatedAt = at;
        }
    }

    /** The entry order ended; with nothing filled, so did the position. */
    public void entryEnded(String why, Instant at) {
        if (state == PositionState.PENDING) {
            state = PositionState.CANCELLED;
            reason = shorten(why);
            closedAt = at;
            updatedAt = at;
        }
    }

    /**
     * New exit rules, as JSON already checked.
     *
     * @throws IllegalStateException when the position is no longer guarded
     */
    public void rules(String json, Instant at) {
        if (state != PositionState.OPEN && state != PositionState.PENDING) {
            throw new IllegalStateException(
                    "Position " + id + " is " + state + ": its rules can no longer change");
        }
        rules = Objects.requireNonNull(json, "json");
        updatedAt = at;
    }

    /**
     * The next OCA group for the orders that protect this position at the broker, now its
     * protection: p-&lt;id&gt;-&lt;generation&gt;.
     */
    public String nextProtection(Instant at) {
        int generation = 1;
        if (protection != null) {
            generation =
                    Integer.parseInt(protection.substring(protection.lastIndexOf('-') + 1)) + 1;
        }
        protection = "p-" + id + "-" + generation;
        updatedAt = at;
        return protection;
    }

    /** The engine's view, written behind. */
    public void mark(BigDecimal price, BigDecimal best, Instant at) {
        if (state.isFinal() || averagePrice == null || price == null) {
            return;
        }
        currentPrice = price;
        unrealizedPnl =
                price.subtract(averagePrice)
                        .multiply(quantity.abs())
                        .multiply(BigDecimal.valueOf(direction()))
                        .setScale(SCALE, RoundingMode.HALF_EVEN);
        if (best != null) {
            bestPrice = best;
        }
        updatedAt = at;
    }

    public PositionSnapshot snapshot() {
        return new PositionSnapshot(
                id,
                symbol,
                account,
                broker,
                origin,
                state,
                side,
                entryOrderId,
                orderedQuantity,
                quantity,
                averagePrice,
                currentPrice,
                unrealizedPnl,
                realizedPnl,
                fees,
                bestPrice,
                rules,
                reason,
                openedAt,
                closedAt,
                createdAt,
                updatedAt,
                protection);
    }

    private BigDecimal signed(BigDecimal held) {
        return side == Side.BUY ? held : held.negate();
    }

    private static void positive(BigDecimal value, String what) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(what + " is for a quantity above zero");
        }
    }

    private static String shorten(String why) {
        return why == null || why.length() <= 500 ? why : why.substring(0, 499) + "…";
    }
}

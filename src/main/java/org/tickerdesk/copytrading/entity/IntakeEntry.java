package org.tickerdesk.copytrading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.trading.entity.Side;

/**
 * One leader trade in the intake log. It is inserted by the store's own statement (once per trader,
 * feed and trade id), so this class only reads and changes it. Its rules: only an entry still open
 * ({@link IntakeStatus#open()}) is decided; a copy always names its order's client order id; only a
 * copy is ordered, filled or refused by the order desk; a fill has both its time and its price.
 */
@Entity
@Table(name = "copy_intake")
@NamedQuery(
        name = IntakeEntry.OF_TRADER,
        query = "SELECT e FROM IntakeEntry e WHERE e.traderId = :trader ORDER BY e.id DESC")
@NamedQuery(
        name = IntakeEntry.OF_TRADER_IN_STATUS,
        query =
                "SELECT e FROM IntakeEntry e WHERE e.traderId = :trader AND e.status = :status"
                        + " ORDER BY e.id DESC")
public class IntakeEntry {

    public static final String OF_TRADER = "IntakeEntry.ofTrader";
    public static final String OF_TRADER_IN_STATUS = "IntakeEntry.ofTraderInStatus";

    /** The longest detail stored; a longer one is cut. */
    public static final int DETAIL_LENGTH = 1000;

    @Id private Long id;

    @Column(name = "trader_id", nullable = false, updatable = false)
    private long traderId;

    @Column(nullable = false, updatable = false)
    private String feed;

    @Column(name = "trade_id", nullable = false, updatable = false)
    private String tradeId;

    @Column(nullable = false, updatable = false)
    private String symbol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Side side;

    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;

    @Column(nullable = false, updatable = false)
    private BigDecimal price;

    @Column(name = "traded_at", nullable = false, updatable = false)
    private Instant tradedAt;

    @Column(name = "leader_portfolio_value", updatable = false)
    private BigDecimal leaderPortfolioValue;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IntakeStatus status;

    @Enumerated(EnumType.STRING)
    private SkipReason reason;

    private String detail;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "copy_side")
    private Side copySide;

    @Column(name = "copy_quantity")
    private BigDecimal copyQuantity;

    @Enumerated(EnumType.STRING)
    @Column(name = "copy_effect")
    private Effect copyEffect;

    @Column(name = "copy_price")
    private BigDecimal copyPrice;

    @Column(name = "client_order_id")
    private String clientOrderId;

    @Column(name = "ordered_at")
    private Instant orderedAt;

    @Column(name = "filled_at")
    private Instant filledAt;

    @Column(name = "fill_price")
    private BigDecimal fillPrice;

    @Version private long version;

    protected IntakeEntry() {
        // for JPA
    }

    public long id() {
        return id;
    }

    public long traderId() {
        return traderId;
    }

    public IntakeStatus status() {
        return status;
    }

    public Instant tradedAt() {
        return tradedAt;
    }

    public LeaderTrade trade() {
        return new LeaderTrade(
                tradeId,
                symbol,
                side,
                plain(quantity),
                plain(price),
                tradedAt,
                plain(leaderPortfolioValue));
    }

    /**
     * The decision on it: a copy with the client order id its order is placed under, a skip or a
     * wait with the reason.
     *
     * @throws IllegalStateException when it was decided for good already
     */
    public void decided(CopyDecision decision, String orderId, Instant at) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
        if (!status.open()) {
            throw new IllegalStateException("Intake entry " + id + " is " + status + " already");
        }
        boolean copy = decision.status() == CopyDecision.Status.COPIED;
        if (copy == (orderId == null)) {
            throw new IllegalArgumentException("A copy, and only a copy, names its order's id");
        }
        status = IntakeStatus.of(decision.status());
        reason = decision.reason();
        detail = cut(decision.detail());
        decidedAt = stored(at);
        copySide = decision.side();
        copyQuantity = decision.quantity();
        copyEffect = decision.effect();
        copyPrice = decision.price();
        clientOrderId = orderId;
    }

    /**
     * Our order went to the order desk (for a reduction, through the exit engine, whose exit order
     * has an id of its own: {@code orderId}, null to keep the one decided).
     */
    public void ordered(Instant at, String orderId) {
        requireCopy();
        if (orderedAt == null) {
            orderedAt = stored(Objects.requireNonNull(at, "at"));
        }
        if (orderId != null) {
            clientOrderId = orderId;
        }
    }

    /** Our order filled, at this average price; the first fill's time counts. */
    public void filled(Instant at, BigDecimal averagePrice) {
        requireCopy();
        if (averagePrice == null || averagePrice.signum() <= 0) {
            throw new IllegalArgumentException("A fill price is above zero, not " + averagePrice);
        }
        if (filledAt == null) {
            filledAt = stored(Objects.requireNonNull(at, "at"));
        }
        fillPrice = averagePrice;
    }

    /** The order desk or the broker refused our order: not copied after all. */
    public void refused(String why, Instant at) {
        requireCopy();
        status = IntakeStatus.SKIPPED;
        reason = SkipReason.ORDER_REFUSED;
        detail = cut(why == null || why.isBlank() ? SkipReason.ORDER_REFUSED.text() : why);
        decidedAt = stored(Objects.requireNonNull(at, "at"));
    }

    private void requireCopy() {
        if (status != IntakeStatus.COPIED) {
            throw new IllegalStateException("Intake entry " + id + " is " + status + ", no copy");
        }
    }

    public IntakeSnapshot snapshot() {
        return new IntakeSnapshot(
                id,
                traderId,
                feed,
                trade(),
                receivedAt,
                status,
                reason,
                detail,
                decidedAt,
                copySide,
                plain(copyQuantity),
                copyEffect,
                plain(copyPrice),
                clientOrderId,
                orderedAt,
                filledAt,
                plain(fillPrice));
    }

    /** As PostgreSQL keeps it, in microseconds: the entry answered is the entry read back. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String text) {
        return text == null || text.length() <= DETAIL_LENGTH
                ? text
                : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

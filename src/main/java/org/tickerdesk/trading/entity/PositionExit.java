package org.tickerdesk.trading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A rule that fired on a position, and the order that carries it out. The table allows one per
 * position and rule, which is what makes a second exit for the same rule impossible; a failed order
 * is retried in the same record under the next attempt's client order id. It records the tick that
 * fired it, the time from that tick to the order, the fill and its slippage against the trigger
 * price (positive: worse than the trigger).
 */
@Entity
@Table(name = "position_exits")
@NamedQuery(
        name = PositionExit.OF_POSITION,
        query = "SELECT e FROM PositionExit e WHERE e.positionId = :id ORDER BY e.id")
@NamedQuery(
        name = PositionExit.BY_CLIENT_ID,
        query = "SELECT e FROM PositionExit e WHERE e.clientOrderId = :id")
@NamedQuery(
        name = PositionExit.UNFINISHED,
        query =
                "SELECT e FROM PositionExit e WHERE e.state IN"
                        + " (org.tickerdesk.trading.entity.ExitState.PENDING,"
                        + " org.tickerdesk.trading.entity.ExitState.SENT,"
                        + " org.tickerdesk.trading.entity.ExitState.FAILED) ORDER BY e.id")
public class PositionExit {

    public static final String OF_POSITION = "PositionExit.ofPosition";
    public static final String BY_CLIENT_ID = "PositionExit.byClientId";
    public static final String UNFINISHED = "PositionExit.unfinished";

    /** The client order id's prefix that marks an order as an exit. */
    public static final String PREFIX = "x";

    /*
     * Ids come in blocks of 50 from the column's sequence: an identity would cost a round trip to
     * the database after each insert, inside the exit's transaction on the way from a tick to its
     * order.
     */
    @Id
    @SequenceGenerator(
            name = "exit_ids",
            sequenceName = "position_exits_id_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exit_ids")
    private Long id;

    @Column(name = "position_id", nullable = false, updatable = false)
    private long positionId;

    @Column(nullable = false, updatable = false, length = 24)
    private String rule;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "client_order_id", nullable = false, length = 64)
    private String clientOrderId;

    @Column(name = "closes_all", nullable = false, updatable = false)
    private boolean closesAll;

    @Column(nullable = false, precision = 19, scale = 8)
    private BigDecimal quantity;

    @Column(name = "filled_quantity", nullable = false, precision = 19, scale = 8)
    private BigDecimal filledQuantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private ExitState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false, length = 8)
    private OrderType orderType;

    @Column(name = "limit_price", precision = 19, scale = 8)
    private BigDecimal limitPrice;

    @Column(name = "trigger_level", updatable = false, precision = 19, scale = 8)
    private BigDecimal triggerLevel;

    @Column(name = "trigger_price", updatable = false, precision = 19, scale = 8)
    private BigDecimal triggerPrice;

    @Column(name = "tick_at", updatable = false)
    private Instant tickAt;

    @Column(name = "triggered_at", nullable = false, updatable = false)
    private Instant triggeredAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "tick_to_order_us")
    private Long tickToOrderMicros;

    @Column(name = "fill_price", precision = 19, scale = 8)
    private BigDecimal fillPrice;

    @Column(precision = 19, scale = 8)
    private BigDecimal slippage;

    @Column(length = 500)
    private String reason;

    protected PositionExit() {
        // for JPA
    }

    /**
     * @param rule the rule's key ({@code STOP_LOSS}, {@code TAKE_PROFIT:2}, {@code MANUAL}, …)
     * @param triggerPrice the watched price that fired it; null for an exit nothing priced
     * @param tickAt when the source produced that price
     */
    public PositionExit(
            long positionId,
            String rule,
            boolean closesAll,
            BigDecimal quantity,
            OrderType orderType,
            BigDecimal limitPrice,
            BigDecimal triggerLevel,
            BigDecimal triggerPrice,
            Instant tickAt,
            Instant triggeredAt) {
        if (rule == null || rule.isBlank() || rule.length() > 24) {
            throw new IllegalArgumentException("An exit names its rule in 1 to 24 characters");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("An exit closes a quantity above zero");
        }
        this.positionId = positionId;
        this.rule = rule;
        this.attempt = 1;
        this.clientOrderId = clientOrderId(positionId, rule, 1);
        this.closesAll = closesAll;
        this.quantity = quantity;
        this.filledQuantity = BigDecimal.ZERO;
        this.state = ExitState.PENDING;
        this.orderType = Objects.requireNonNull(orderType, "orderType");
        this.limitPrice = limitPrice;
        this.triggerLevel = triggerLevel;
        this.triggerPrice = triggerPrice;
        this.tickAt = tickAt;
        this.triggeredAt = Objects.requireNonNull(triggeredAt, "triggeredAt");
    }

    /**
     * A protection order resting at the broker filled: recorded as an exit of the rule {@code rule}
     * ({@code BROKER_STOP}, {@code BROKER_TP}) under that order's own id.
     */
    public static PositionExit atBroker(
            long positionId,
            String rule,
            String clientOrderId,
            BigDecimal quantity,
            OrderType orderType,
            BigDecimal level,
            Instant at) {
        PositionExit exit =
                new PositionExit(
                        positionId, rule, true, quantity, orderType, null, level, level, null, at);
        exit.clientOrderId = clientOrderId;
        exit.state = ExitState.SENT;
        exit.sentAt = at;
        return exit;
    }

    /**
     * The exit's client order id: derived from the position, the rule and the attempt, so the same
     * exit can never be sent under two ids, and an order of this shape is known as an exit.
     */
    public static String clientOrderId(long positionId, String rule, int attempt) {
        return PREFIX + "-" + positionId + "-" + rule.replace(':', '.') + "-" + attempt;
    }

    public long positionId() {
        return positionId;
    }

    public String rule() {
        return rule;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public ExitState state() {
        return state;
    }

    public boolean closesAll() {
        return closesAll;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal remaining() {
        return quantity.subtract(filledQuantity);
    }

    public OrderType orderType() {
        return orderType;
    }

    public BigDecimal limitPrice() {
        return limitPrice;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /** The order desk has it; {@code tickToOrder} is from the firing tick's arrival. */
    public void sent(Instant at, Duration tickToOrder) {
        if (state == ExitState.PENDING) {
            state = ExitState.SENT;
            sentAt = at;
            tickToOrderMicros = tickToOrder == null ? null : tickToOrder.toNanos() / 1_000;
        }
    }

    /** One more fill of the exit's orders; the average fill price and slippage follow. */
    public void addFill(BigDecimal filled, BigDecimal price, int direction) {
        BigDecimal total = filledQuantity.add(filled);
        BigDecimal value = fillPrice == null ? BigDecimal.ZERO : fillPrice.multiply(filledQuantity);
        fillPrice = value.add(price.multiply(filled)).divide(total, 8, RoundingMode.HALF_EVEN);
        filledQuantity = total;
        if (triggerPrice != null) {
            // a long's exit sells: a fill below the trigger is worse
            slippage =
                    triggerPrice
                            .subtract(fillPrice)
                            .multiply(BigDecimal.valueOf(direction))
                            .setScale(8, RoundingMode.HALF_EVEN);
        }
        if (filledQuantity.compareTo(quantity) >= 0) {
            state = ExitState.FILLED;
        }
    }

    /** The order ended short of the quantity; the sweep retries what is left. */
    public void failed(String why) {
        if (state == ExitState.SENT || state == ExitState.PENDING) {
            state = ExitState.FAILED;
            reason = why == null || why.length() <= 500 ? why : why.substring(0, 499) + "…";
        }
    }

    /**
     * The next attempt for what is left, at market: a limit that did not fill is not tried again.
     */
    public void retry() {
        if (state != ExitState.FAILED) {
            throw new IllegalStateException(
                    "Only a failed exit is retried, not a " + state + " one");
        }
        attempt++;
        clientOrderId = clientOrderId(positionId, rule, attempt);
        orderType = OrderType.MKT;
        limitPrice = null;
        state = ExitState.PENDING;
    }

    /** The broker's own protection closed the position: this exit is no longer needed. */
    public void standDown(String why) {
        if (state.isOpen()) {
            state = ExitState.STOOD_DOWN;
            reason = why;
        }
    }

    public ExitRecord record() {
        return new ExitRecord(
                rule,
                attempt,
                clientOrderId,
                state,
                quantity,
                filledQuantity,
                orderType,
                limitPrice,
                triggerLevel,
                triggerPrice,
                tickAt,
                triggeredAt,
                sentAt,
                tickToOrderMicros,
                fillPrice,
                slippage,
                reason);
    }
}

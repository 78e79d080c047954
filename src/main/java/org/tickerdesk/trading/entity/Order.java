package org.tickerdesk.trading.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order Tickerdesk placed, stored before it goes to the broker so that it can be recognised
 * afterwards, and changed only by what the broker reports ({@link #apply}). Its rules: it moves
 * along its {@link OrderState}s and never back out of a final one; an execution counts once; fills
 * never add up to more than the quantity; the average fill price follows the fills.
 */
@Entity(name = "TradingOrder") // ORDER is a JPQL keyword, so the entity cannot be called Order in
// queries
@Table(name = "orders")
@NamedQuery(
        name = Order.BY_CLIENT_ID,
        query = "SELECT o FROM TradingOrder o WHERE o.clientOrderId = :id")
@NamedQuery(
        name = Order.RECENT,
        query = "SELECT o FROM TradingOrder o ORDER BY o.createdAt DESC, o.id DESC")
@NamedQuery(
        name = Order.WORKING,
        query =
                "SELECT o FROM TradingOrder o WHERE o.broker = :broker AND o.status NOT IN"
                        + " (org.tickerdesk.trading.entity.OrderState.FILLED,"
                        + " org.tickerdesk.trading.entity.OrderState.CANCELLED,"
                        + " org.tickerdesk.trading.entity.OrderState.REJECTED) ORDER BY o.id")
public class Order {

    public static final String BY_CLIENT_ID = "Order.byClientId";
    public static final String RECENT = "Order.recent";
    public static final String WORKING = "Order.working";
    static final int MAX_REASON = 500;

    /*
     * Ids come in blocks of 50 from the column's sequence: an identity would cost a round trip to
     * the database after each insert, inside the exit's transaction on the way from a tick to its
     * order.
     */
    @Id
    @SequenceGenerator(name = "order_ids", sequenceName = "orders_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_ids")
    private Long id;

    @Column(
            name = "client_order_id",
            nullable = false,
            unique = true,
            updatable = false,
            length = 64)
    private String clientOrderId;

    @Column(nullable = false, updatable = false, length = 16)
    private String broker;

    @Column(nullable = false, updatable = false, length = 32)
    private String symbol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 4)
    private Side side;

    @Column(nullable = false, updatable = false, precision = 19, scale = 8)
    private BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false, updatable = false, length = 8)
    private OrderType type;

    @Column(name = "limit_price", updatable = false, precision = 19, scale = 8)
    private BigDecimal limitPrice;

    @Column(name = "stop_price", updatable = false, precision = 19, scale = 8)
    private BigDecimal stopPrice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 3)
    private TimeInForce tif;

    @Column(name = "oca_group", updatable = false, length = 64)
    private String ocaGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderState status;

    @Column(name = "broker_order_id", length = 32)
    private String brokerOrderId;

    @Column(name = "filled_quantity", nullable = false, precision = 19, scale = 8)
    private BigDecimal filledQuantity;

    @Column(name = "avg_fill_price", precision = 19, scale = 8)
    private BigDecimal avgFillPrice;

    @Column(length = MAX_REASON)
    private String reason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version private int version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("executedAt, id")
    private List<Fill> fills = new ArrayList<>();

    protected Order() {
        // for JPA
    }

    public Order(OrderTicket ticket, String broker, Instant at) {
        Objects.requireNonNull(ticket, "ticket");
        if (broker == null || broker.isBlank() || broker.length() > 16) {
            throw new IllegalArgumentException(
                    "An order names its broker in 1 to 16 characters, not '" + broker + "'");
        }
        this.clientOrderId = ticket.clientOrderId();
        this.broker = broker;
        this.symbol = ticket.symbol();
        this.side = ticket.side();
        this.quantity = ticket.quantity();
        this.type = ticket.type();
        this.limitPrice = ticket.limitPrice();
        this.stopPrice = ticket.stopPrice();
        this.tif = ticket.tif();
        this.ocaGroup = ticket.ocaGroup();
        this.status = OrderState.NEW;
        this.filledQuantity = BigDecimal.ZERO;
        this.createdAt = Objects.requireNonNull(at, "at");
        this.updatedAt = at;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public OrderState status() {
        return status;
    }

    /**
     * Applies what the broker reported; true when the order changed. Reports that no longer apply
     * (a replayed execution, a late status for a finished order) change nothing.
     *
     * @throws IllegalStateException when a fill would take the order past its quantity
     */
    public boolean apply(OrderEvent event, Instant at) {
        if (!clientOrderId.equals(event.clientOrderId())) {
            throw new IllegalArgumentException(
                    "An event for " + event.clientOrderId() + " applied to " + clientOrderId);
        }
        boolean changed;
        if (event instanceof OrderEvent.Sent sent) {
            changed = !status.isFinal() && remember(sent.brokerOrderId());
        } else if (event instanceof OrderEvent.Accepted accepted) {
            changed = accept(accepted.brokerOrderId());
        } else if (event instanceof OrderEvent.Filled filled) {
            changed = fill(filled);
        } else if (event instanceof OrderEvent.Charged charged) {
            changed =
                    fills.stream()
                            .filter(f -> f.execId().equals(charged.execId()))
                            .findFirst()
                            .map(f -> f.charge(charged.commission(), charged.currency()))
                            .orElse(false);
        } else if (event instanceof OrderEvent.CancelRequested) {
            changed = move(OrderState.PENDING_CANCEL, reason);
        } else if (event instanceof OrderEvent.Cancelled cancelled) {
            changed = move(OrderState.CANCELLED, cancelled.reason());
        } else if (event instanceof OrderEvent.Rejected rejected) {
            changed = move(OrderState.REJECTED, rejected.reason());
        } else if (event instanceof OrderEvent.Lost lost) {
            changed = move(OrderState.UNKNOWN, lost.reason());
        } else {
            changed = move(status, ((OrderEvent.Noted) event).message());
        }
        if (changed) {
            updatedAt = at;
        }
        return changed;
    }

    private boolean remember(String id) {
        if (id == null || id.equals(brokerOrderId)) {
            return false;
        }
        brokerOrderId = id;
        return true;
    }

    private boolean accept(String id) {
        if (status.isFinal()) {
            return false;
        }
        boolean changed = remember(id);
        OrderState working =
                filledQuantity.signum() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.SUBMITTED;
        if (status != working) {
            // whatever made the order unknown is no longer true once the broker shows it again
            String kept = status == OrderState.UNKNOWN ? null : reason;
            changed = move(working, kept) || changed;
        }
        return changed;
    }

    private boolean fill(OrderEvent.Filled report) {
        if (fills.stream().anyMatch(f -> f.execId().equals(report.execId()))) {
            return false;
        }
        BigDecimal total = filledQuantity.add(report.quantity());
        if (total.compareTo(quantity) > 0) {
            throw new IllegalStateException(
                    "Execution "
                            + report.execId()
                            + " of "
                            + report.quantity().toPlainString()
                            + " would fill "
                            + clientOrderId
                            + " past its quantity "
                            + quantity.toPlainString()
                            + " ("
                            + filledQuantity.toPlainString()
                            + " filled already)");
        }
        fills.add(
                new Fill(this, report.execId(), report.quantity(), report.price(), report.time()));
        BigDecimal value =
                avgFillPrice == null ? BigDecimal.ZERO : avgFillPrice.multiply(filledQuantity);
        avgFillPrice =
                value.add(report.price().multiply(report.quantity()))
                        .divide(total, 8, RoundingMode.HALF_EVEN);
        filledQuantity = total;
        if (total.compareTo(quantity) == 0) {
            status = OrderState.FILLED;
        } else if (status == OrderState.NEW || status == OrderState.SUBMITTED) {
            status = OrderState.PARTIALLY_FILLED;
        }
        return true;
    }

    /** A final order stays as it is: a late status or message must not overwrite how it ended. */
    private boolean move(OrderState next, String why) {
        String shortened =
                why == null || why.length() <= MAX_REASON
                        ? why
                        : why.substring(0, MAX_REASON - 1) + "…";
        if (status.isFinal() || status == next && Objects.equals(reason, shortened)) {
            return false;
        }
        status = next;
        reason = shortened;
        return true;
    }

    public OrderSnapshot snapshot(boolean withFills) {
        return new OrderSnapshot(
                clientOrderId,
                broker,
                symbol,
                side,
                quantity,
                type,
                limitPrice,
                stopPrice,
                tif,
                status,
                brokerOrderId,
                filledQuantity,
                avgFillPrice,
                reason,
                createdAt,
                updatedAt,
                withFills ? fills.stream().map(Fill::snapshot).toList() : null,
                ocaGroup);
    }
}

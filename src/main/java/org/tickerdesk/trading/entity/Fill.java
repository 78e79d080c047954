package org.tickerdesk.trading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of an order, as the broker reported it. Its exec id is unique (in the table too),
 * so an execution the broker replays after a reconnect is never counted twice. The commission
 * arrives later, in its own report.
 */
@Entity
@Table(name = "fills")
public class Fill {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Column(name = "exec_id", nullable = false, unique = true, updatable = false, length = 64)
    private String execId;

    @Column(nullable = false, updatable = false, precision = 19, scale = 8)
    private BigDecimal quantity;

    @Column(nullable = false, updatable = false, precision = 19, scale = 8)
    private BigDecimal price;

    @Column(precision = 19, scale = 8)
    private BigDecimal commission;

    @Column(name = "commission_currency", length = 3)
    private String commissionCurrency;

    @Column(name = "executed_at", nullable = false, updatable = false)
    private Instant executedAt;

    protected Fill() {
        // for JPA
    }

    Fill(Order order, String execId, BigDecimal quantity, BigDecimal price, Instant executedAt) {
        this.order = Objects.requireNonNull(order, "order");
        if (execId == null || execId.isBlank() || execId.length() > 64) {
            throw new IllegalArgumentException(
                    "An execution id is 1 to 64 characters, not '" + execId + "'");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("A fill has a quantity above zero, not " + quantity);
        }
        this.execId = execId;
        this.quantity = quantity;
        this.price = Objects.requireNonNull(price, "price");
        this.executedAt = Objects.requireNonNull(executedAt, "executedAt");
    }

    String execId() {
        return execId;
    }

    /** True when this changed the recorded commission. */
    boolean charge(BigDecimal amount, String currency) {
        if (commission != null
                && commission.compareTo(amount) == 0
                && Objects.equals(commissionCurrency, currency)) {
            return false;
        }
        commission = amount;
        commissionCurrency = currency;
        return true;
    }

    FillSnapshot snapshot() {
        return new FillSnapshot(
                execId, quantity, price, commission, commissionCurrency, executedAt);
    }
}

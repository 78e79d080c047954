package org.tickerdesk.trading.entity;

import java.util.Objects;

/**
 * CDI event: the broker rejected an order. Fired synchronously inside the transaction that records
 * the rejection, once per order.
 */
public record OrderRejected(OrderSnapshot order) {

    public OrderRejected {
        Objects.requireNonNull(order, "order");
    }
}

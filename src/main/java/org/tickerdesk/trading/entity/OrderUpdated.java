package org.tickerdesk.trading.entity;

import java.util.Objects;

/** CDI event: an order was stored or changed; observers get it after the change was committed. */
public record OrderUpdated(OrderSnapshot order) {

    public OrderUpdated {
        Objects.requireNonNull(order, "order");
    }
}

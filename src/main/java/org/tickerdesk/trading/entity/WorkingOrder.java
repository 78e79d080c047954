package org.tickerdesk.trading.entity;

import java.util.Objects;

/**
 * An order a broker had in hand when Tickerdesk last stopped: the ticket it was sent as, and the
 * stored order with its broker order id, fills so far and state. A broker starts with these, to
 * find them again at the broker (IBKR) or to rest them again (paper), never to send them again.
 */
public record WorkingOrder(OrderTicket ticket, OrderSnapshot stored) {

    public WorkingOrder {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(stored, "stored");
        if (!ticket.clientOrderId().equals(stored.clientOrderId())) {
            throw new IllegalArgumentException(
                    "The ticket and the stored order are different orders");
        }
    }

    public String clientOrderId() {
        return ticket.clientOrderId();
    }
}

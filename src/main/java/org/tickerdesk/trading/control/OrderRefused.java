package org.tickerdesk.trading.control;

import jakarta.ejb.ApplicationException;

/**
 * A well-formed request about an order that cannot be done in the order's or the broker's present
 * state: cancelling a filled order, reusing a client order id for another order, cancelling while
 * the broker is unreachable. Its message says why, for the user.
 */
@ApplicationException(rollback = true)
public class OrderRefused extends RuntimeException {

    public OrderRefused(String message) {
        super(message);
    }
}

package org.tickerdesk.trading.control;

import org.tickerdesk.platform.control.ProblemException;

/**
 * A well-formed request about an order that cannot be done in the order's or the broker's present
 * state (409 {@code order_refused}): cancelling a filled order, reusing a client order id for
 * another order, cancelling while the broker is unreachable. Its message says why, for the user.
 */
public class OrderRefusedException extends ProblemException {

    public OrderRefusedException(String message) {
        super(409, "order_refused", "Order refused", message);
    }
}

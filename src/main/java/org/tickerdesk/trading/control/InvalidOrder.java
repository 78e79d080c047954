package org.tickerdesk.trading.control;

import jakarta.ejb.ApplicationException;

/**
 * An order request that cannot be honoured as given, nothing stored; its message is for the user.
 */
@ApplicationException(rollback = true)
public class InvalidOrder extends RuntimeException {

    public InvalidOrder(String message) {
        super(message);
    }
}

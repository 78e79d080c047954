package org.tickerdesk.ibkr.control;

import org.tickerdesk.ibkr.entity.TwsError;

/** IB refused a historical request for good: no such contract, no permission, an invalid request. */
public final class HistoryException extends Exception {

    private final transient TwsError error;

    public HistoryException(String message, TwsError error) {
        super(message);
        this.error = error;
    }

    /** IB's error, with its code and text. */
    public TwsError error() {
        return error;
    }
}

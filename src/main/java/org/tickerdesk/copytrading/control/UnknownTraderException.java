package org.tickerdesk.copytrading.control;

import org.tickerdesk.platform.control.ProblemException;

/** No followed trader has this id (404 {@code unknown_trader}). */
public class UnknownTraderException extends ProblemException {

    public UnknownTraderException(long id) {
        this(Long.toString(id));
    }

    /** An id as the caller wrote it, which may not even be a number. */
    public UnknownTraderException(String id) {
        super(404, "unknown_trader", "Unknown trader", "No trader has the id " + id);
    }
}

package org.tickerdesk.resolution.control;

import org.tickerdesk.platform.control.ProblemException;

/** The instrument never resolves: a stock has no expiry (409 {@code not_resolvable}). */
public class NotResolvableException extends ProblemException {

    public NotResolvableException(String symbol) {
        super(
                409,
                "not_resolvable",
                "Not resolvable",
                symbol
                        + " is a stock: it does not expire or resolve, so it has no settlement"
                        + " price; close its positions instead");
    }
}

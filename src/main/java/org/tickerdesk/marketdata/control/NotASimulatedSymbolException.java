package org.tickerdesk.marketdata.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * The simulated market streams no such symbol (404 {@code unknown_symbol}): it streams the
 * watchlist, so a symbol must be watched before prices can be injected into it.
 */
public class NotASimulatedSymbolException extends ProblemException {

    public static final String CODE = "unknown_symbol";

    public NotASimulatedSymbolException(String field, String symbol) {
        super(
                404,
                CODE,
                "Not a simulated symbol",
                List.of(
                        new FieldError(
                                field,
                                symbol
                                        + " is not a symbol the simulated market streams; watch"
                                        + " it first (POST /api/v1/instruments)")));
    }
}

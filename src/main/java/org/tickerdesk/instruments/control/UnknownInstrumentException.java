package org.tickerdesk.instruments.control;

import org.tickerdesk.platform.control.ProblemException;

/** No instrument has the symbol asked for (404 {@code unknown_instrument}). */
public class UnknownInstrumentException extends ProblemException {

    public UnknownInstrumentException(String symbol) {
        super(
                404,
                "unknown_instrument",
                "Unknown instrument",
                "No instrument " + symbol + " is known here");
    }
}

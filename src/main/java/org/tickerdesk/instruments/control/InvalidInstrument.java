package org.tickerdesk.instruments.control;

import jakarta.ejb.ApplicationException;

/** A request about instruments that cannot be honoured as given; its message is for the user. */
@ApplicationException(rollback = true)
public class InvalidInstrument extends RuntimeException {

    public InvalidInstrument(String message) {
        super(message);
    }
}

package org.tickerdesk.instruments.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A request about instruments that cannot be honoured as given (400 {@code invalid_instrument});
 * its messages are for the user, each beside the field at fault where there is one.
 */
public class InvalidInstrumentException extends ProblemException {

    static final String CODE = "invalid_instrument";
    static final String TITLE = "Invalid instrument";

    /** A refusal that no single field explains (the broker's answer contradicts what is stored). */
    public InvalidInstrumentException(String message) {
        super(400, CODE, TITLE, message);
    }

    public InvalidInstrumentException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInstrumentException(List<FieldError> errors) {
        super(400, CODE, TITLE, errors);
    }
}

package org.tickerdesk.trading.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * An order request that cannot be honoured as given (400 {@code invalid_order}), nothing stored;
 * its messages are for the user, each naming the field at fault.
 */
public class InvalidOrderException extends ProblemException {

    static final String CODE = "invalid_order";
    static final String TITLE = "Invalid order";

    public InvalidOrderException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidOrderException(List<FieldError> errors) {
        super(400, CODE, TITLE, errors);
    }
}

package org.tickerdesk.trading.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A position request or exit rules that cannot be honoured as given (400 {@code invalid_position}),
 * nothing stored; each message names the field at fault.
 */
public class InvalidPositionException extends ProblemException {

    public InvalidPositionException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidPositionException(List<FieldError> errors) {
        super(400, "invalid_position", "Invalid position", errors);
    }
}

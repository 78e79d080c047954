package org.tickerdesk.copytrading.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * Trader settings that cannot be taken as given (400 {@code invalid_trader}), nothing stored; each
 * message names the field at fault by its path ({@code sizing.ratio}).
 */
public class InvalidTraderException extends ProblemException {

    public InvalidTraderException(List<FieldError> errors) {
        super(400, "invalid_trader", "Invalid trader", errors);
    }

    public InvalidTraderException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}

package org.tickerdesk.marketdata.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * Posted news that cannot be stored as given (400 {@code invalid_news}), nothing stored; each
 * message names the field at fault.
 */
public class InvalidNewsException extends ProblemException {

    public static final String CODE = "invalid_news";

    public InvalidNewsException(List<FieldError> errors) {
        super(400, CODE, "Invalid news", errors);
    }
}

package org.tickerdesk.resolution.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A resolution entered that cannot be taken as given (400 {@code invalid_resolution}), nothing
 * stored; each message names the field at fault.
 */
public class InvalidResolutionException extends ProblemException {

    public InvalidResolutionException(List<FieldError> errors) {
        super(400, "invalid_resolution", "Invalid resolution", errors);
    }
}

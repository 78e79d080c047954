package org.tickerdesk.copytrading.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A leader's trade that cannot be taken as sent (400 {@code invalid_trade}): each message names the
 * field at fault; nothing is stored or copied.
 */
public class InvalidTradeException extends ProblemException {

    public InvalidTradeException(List<FieldError> errors) {
        super(400, "invalid_trade", "Invalid trade", errors);
    }
}

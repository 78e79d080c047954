package org.tickerdesk.trading.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A new position in an instrument whose resolution settled it (409 {@code instrument_resolved}):
 * its value is final, so an entry could only be settled at once. Nothing is stored.
 */
public class InstrumentResolvedException extends ProblemException {

    public InstrumentResolvedException(String symbol, String message) {
        super(
                409,
                "instrument_resolved",
                "Instrument resolved",
                message,
                List.of(new FieldError("symbol", message)));
    }
}

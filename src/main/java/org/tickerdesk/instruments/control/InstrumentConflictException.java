package org.tickerdesk.instruments.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A well-formed request the watchlist's present state does not allow (409 {@code
 * instrument_conflict}): adding what is watched already, adding a known symbol with other details,
 * removing what is not watched. The message says what stands in the way, beside the symbol.
 */
public class InstrumentConflictException extends ProblemException {

    public InstrumentConflictException(String message) {
        super(
                409,
                "instrument_conflict",
                "Instrument conflict",
                message,
                List.of(new FieldError("symbol", message)));
    }
}

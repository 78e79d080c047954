package org.tickerdesk.marketdata.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A tick or a path for the simulated market that cannot be carried out as given (400 {@code
 * invalid_tick} or {@code invalid_path}), nothing injected; each message names the field at fault.
 */
public class InvalidSimulationException extends ProblemException {

    public static final String TICK = "invalid_tick";
    public static final String PATH = "invalid_path";

    private InvalidSimulationException(String code, String title, List<FieldError> errors) {
        super(400, code, title, errors);
    }

    public static InvalidSimulationException tick(List<FieldError> errors) {
        return new InvalidSimulationException(TICK, "Invalid tick", errors);
    }

    public static InvalidSimulationException path(List<FieldError> errors) {
        return new InvalidSimulationException(PATH, "Invalid path", errors);
    }
}

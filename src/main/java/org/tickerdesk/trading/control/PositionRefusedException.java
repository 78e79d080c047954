package org.tickerdesk.trading.control;

import org.tickerdesk.platform.control.ProblemException;

/**
 * A well-formed request that the position's present state does not allow (409 {@code
 * position_refused}): new rules for a closed position, closing one that is closing already.
 */
public class PositionRefusedException extends ProblemException {

    public PositionRefusedException(String message) {
        super(409, "position_refused", "Position refused", message);
    }
}

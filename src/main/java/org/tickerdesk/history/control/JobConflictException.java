package org.tickerdesk.history.control;

import org.tickerdesk.platform.control.ProblemException;

/** An action a collection's state does not allow (stopping one that is not running, ...). */
public class JobConflictException extends ProblemException {

    public JobConflictException(String detail) {
        super(409, "job_state", "Not possible in the collection's state", detail);
    }
}

package org.tickerdesk.history.control;

import jakarta.ejb.ApplicationException;

/**
 * A batch execution tried to write for a collection that another execution has taken over: the
 * member that ran it was frozen or cut off, and the leader restarted the collection meanwhile. The
 * write is rolled back and the old execution fails, leaving the collection to its new one.
 */
@ApplicationException(rollback = true)
public class SupersededExecutionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SupersededExecutionException(long jobId, long execution) {
        super(
                "Batch execution "
                        + execution
                        + " no longer runs collection "
                        + jobId
                        + ": another execution took it over");
    }
}

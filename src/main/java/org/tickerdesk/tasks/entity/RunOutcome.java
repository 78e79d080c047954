package org.tickerdesk.tasks.entity;

/** How one run of a task ended. */
public enum RunOutcome {
    SUCCEEDED,
    /** The run threw. */
    FAILED,
    /** The run outlasted its time limit and was interrupted; a failure like any other. */
    TIMED_OUT;

    public boolean isFailure() {
        return this != SUCCEEDED;
    }
}

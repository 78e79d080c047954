package org.tickerdesk.history.entity;

/**
 * Where a collection stands, named as Jakarta Batch names its executions' states so that the two
 * never need translating: STARTING and STARTED run, STOPPING finishes its current window, STOPPED
 * and FAILED may be restarted from their last checkpoint, COMPLETED and ABANDONED are final.
 */
public enum JobStatus {
    STARTING,
    STARTED,
    STOPPING,
    STOPPED,
    FAILED,
    COMPLETED,
    ABANDONED;

    public boolean isRunning() {
        return this == STARTING || this == STARTED || this == STOPPING;
    }

    public boolean isRestartable() {
        return this == STOPPED || this == FAILED;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == ABANDONED;
    }
}

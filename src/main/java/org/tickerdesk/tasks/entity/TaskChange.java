package org.tickerdesk.tasks.entity;

/** What happened to a task. */
public enum TaskChange {
    STARTED,
    /**
     * A run ended and was recorded (one that timed out is recorded while its thread still runs).
     */
    RAN,
    /** The thread of a run recorded as timed out has returned at last. */
    STOPPED,
    SKIPPED,
    PAUSED,
    RESUMED,
    RESCHEDULED
}

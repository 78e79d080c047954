package org.tickerdesk.tasks.entity;

/** What happened to a task. */
public enum TaskChange {
    STARTED,
    RAN,
    SKIPPED,
    PAUSED,
    RESUMED,
    RESCHEDULED
}

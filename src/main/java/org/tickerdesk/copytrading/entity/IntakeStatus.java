package org.tickerdesk.copytrading.entity;

/**
 * Where a leader's trade stands in the intake: {@link #RECEIVED} is written first, before anything
 * is decided, so a trade is never lost between its arrival and its decision; the others are the
 * decision's ({@link CopyDecision.Status}).
 */
public enum IntakeStatus {
    RECEIVED,
    COPIED,
    SKIPPED,
    WAITING;

    public static IntakeStatus of(CopyDecision.Status status) {
        return valueOf(status.name());
    }

    /** Whether the copy-filter task decides it (again). */
    public boolean open() {
        return this == RECEIVED || this == WAITING;
    }
}

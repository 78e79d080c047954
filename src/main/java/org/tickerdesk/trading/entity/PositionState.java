package org.tickerdesk.trading.entity;

/**
 * Where a position stands. {@code PENDING}: its entry order has not filled yet; {@code OPEN}:
 * guarded by its rules; {@code CLOSING}: a rule (or the trader) closes all of it and the exit order
 * is on its way; {@code CLOSED}: nothing left; {@code SETTLED}: its instrument expired or resolved;
 * {@code CANCELLED}: its entry order ended without a fill.
 */
public enum PositionState {
    PENDING,
    OPEN,
    CLOSING,
    CLOSED,
    SETTLED,
    CANCELLED;

    /** Whether the exit engine guards a position in this state. */
    public boolean isGuarded() {
        return this == OPEN || this == CLOSING;
    }

    public boolean isFinal() {
        return this == CLOSED || this == SETTLED || this == CANCELLED;
    }
}

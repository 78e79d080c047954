package org.tickerdesk.trading.entity;

/**
 * Where an exit stands: {@code PENDING} committed but its order not yet handed to the order desk;
 * {@code SENT}; {@code FILLED}; {@code FAILED} its order ended without filling all and it waits to
 * be retried; {@code STOOD_DOWN} no longer needed (the broker's own stop closed the position).
 */
public enum ExitState {
    PENDING,
    SENT,
    FILLED,
    FAILED,
    STOOD_DOWN;

    public boolean isOpen() {
        return this == PENDING || this == SENT || this == FAILED;
    }
}

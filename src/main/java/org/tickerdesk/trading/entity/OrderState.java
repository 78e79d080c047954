package org.tickerdesk.trading.entity;

/**
 * Where an order stands. NEW: stored, on its way to the broker. SUBMITTED and PARTIALLY_FILLED:
 * working at the broker. PENDING_CANCEL: a cancel was sent. UNKNOWN: after a lost connection the
 * broker could not tell what became of it; it is shown as such and never sent again. FILLED,
 * CANCELLED and REJECTED are final, though a late execution is still recorded on a cancelled order.
 */
public enum OrderState {
    NEW,
    SUBMITTED,
    PARTIALLY_FILLED,
    PENDING_CANCEL,
    UNKNOWN,
    FILLED,
    CANCELLED,
    REJECTED;

    public boolean isFinal() {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }
}

package org.tickerdesk.notifications.entity;

/**
 * Where one delivery is: waiting for its first attempt ({@code PENDING}), failed and waiting for
 * its next ({@code FAILED}: never given up), or done ({@code SENT}, never sent again). A channel an
 * admin switched off gets no delivery at all.
 */
public enum DeliveryState {
    PENDING,
    FAILED,
    SENT
}

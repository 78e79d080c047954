package org.tickerdesk.notifications.entity;

import java.util.Objects;

/**
 * CDI event: a notification was recorded, or one of its deliveries moved, or it was read. Fired
 * inside the transaction that made the change; observe it after the commit ({@code
 * TransactionPhase.AFTER_SUCCESS}) to show only what was stored.
 */
public record NotificationChanged(NotificationSnapshot notification) {

    public NotificationChanged {
        Objects.requireNonNull(notification, "notification");
    }
}

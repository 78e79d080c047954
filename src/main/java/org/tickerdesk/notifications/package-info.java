/**
 * Notifications: what matters reaches the trader exactly when it happens and never twice. A change
 * worth telling (an exit triggered or filled, an order rejected, a collection that ended, a TWS
 * outage, a task failing) is written to an outbox in the same transaction as the change; a
 * dispatcher delivers it to each configured channel (the {@code NotificationChannel} SPI: in-app,
 * webhook, e-mail, Telegram) with retries and a growing pause, marks a channel that keeps failing,
 * and keeps its messages until it recovers. Producers never import this component: they fire CDI
 * events of their own inside their transaction, and this component observes them.
 */
package org.tickerdesk.notifications;

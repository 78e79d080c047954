/**
 * The logic of notifications: the {@link org.tickerdesk.notifications.control.Outbox} that records
 * a notification and its deliveries inside the caller's transaction, the preferences that decide
 * which channels get one and how loudly, the {@link
 * org.tickerdesk.notifications.control.Dispatcher} that claims due deliveries, hands them to their
 * channel and records the outcome with retries and backoff, the {@link
 * org.tickerdesk.notifications.control.NotificationChannel} SPI and the one place its
 * implementations are chosen, and the webhook's signature.
 */
package org.tickerdesk.notifications.control;

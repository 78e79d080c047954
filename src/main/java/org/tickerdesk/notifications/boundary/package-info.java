/**
 * How the world reaches notifications and how they reach the world: the REST API under {@code
 * /api/v1/notifications} (the notifications with their deliveries, the preferences, the channels
 * and a test message per channel; admin token), the admin's Notifications page and the bell in the
 * header, pushed to by the {@code notifications} stream, the {@code notification-dispatch} task,
 * the channels (in-app, webhook, e-mail, Telegram) and the observers of other components' changes
 * that record what they report.
 */
package org.tickerdesk.notifications.boundary;

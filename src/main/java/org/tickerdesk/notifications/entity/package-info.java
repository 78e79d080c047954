/**
 * What notifications are made of: the stored {@link
 * org.tickerdesk.notifications.entity.Notification} and its {@link
 * org.tickerdesk.notifications.entity.Delivery deliveries} (one per channel), the event types and
 * preference modes, and the values that leave a transaction for REST, the page, the {@code
 * notifications} stream and the channels.
 */
package org.tickerdesk.notifications.entity;

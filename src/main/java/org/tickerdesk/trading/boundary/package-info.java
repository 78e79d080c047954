/**
 * How the world reaches trading: the order REST API under {@code /api/v1/orders} (place, list, read
 * with fills, cancel; writes need an admin token), {@code /api/v1/broker} saying which broker
 * receives orders and whether it is live, the JSON views of orders and fills, and the admin's
 * Orders page, pushed to by the {@code orders} stream, cancelling through the order desk; the
 * positions REST API and the admin's Positions page, pushed to by the {@code positions} stream,
 * opening, changing and closing positions through {@code Positions}. Refusals are the control's
 * problem exceptions, answered by the platform's mapper or shown as the page's message.
 */
package org.tickerdesk.trading.boundary;

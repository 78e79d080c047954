/**
 * How the world reaches trading: the order REST API under {@code /api/v1/orders} (place, list, read
 * with fills, cancel; writes need an admin token), {@code /api/v1/broker} saying which broker
 * receives orders and whether it is live, and the JSON views of orders and fills. Refusals are the
 * control's problem exceptions, answered by the platform's mapper.
 */
package org.tickerdesk.trading.boundary;

/**
 * How the world reaches trading: the order REST API under {@code /api/orders} (place, list, read
 * with fills, cancel; writes need an admin token), {@code /api/broker} saying which broker receives
 * orders and whether it is live, the JSON views of orders and fills, and the mappers that turn a
 * refused request into a 400 or 409 answer with a stable code and a readable message.
 */
package org.tickerdesk.trading.boundary;

/**
 * Trading: orders, the {@code Broker} SPI with Tickerdesk's own paper broker, and the order desk
 * that stores every order before a broker sees it and applies what the broker reports; positions,
 * their exit rules and the exit engine that guards them on the server. Other components place and
 * read orders through {@code OrderDesk}; IBKR's broker arrives through the SPI.
 */
package org.tickerdesk.trading;

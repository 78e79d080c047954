/**
 * The IBKR adapter: Tickerdesk's client of the TWS API socket protocol, implementing the SPIs of
 * marketdata ({@code MarketDataSource}), history ({@code HistorySource}), trading ({@code Broker},
 * with the account's holdings), instruments ({@code ContractLookup}) and resolution ({@code
 * ResolutionSource}) and copy trading ({@code TradeFeed}: a leader account's executions), and
 * feeding IB's news to the news store. It stands on top of those components; nothing outside {@code
 * org.tickerdesk.ibkr} imports it.
 *
 * <p>The rule of its packages: one package per concern, named for it, flat (no boundary, control or
 * entity inside a concern, since each concern is small), each with the records it alone uses, and
 * each pointing only down this list:
 *
 * <ul>
 *   <li>{@code boundary}: the container's way in: {@code TwsLink}, the SPI producers, REST,
 *       readiness, the dashboard's cards;
 *   <li>{@code resolution}: what an expired instrument settled at, from {@code contracts} and
 *       {@code history};
 *   <li>{@code copy}: copy trading's {@code ibkr} feed, a leader account's executions, asked for
 *       with {@code orders}' executions request and named as {@code contracts} names symbols;
 *   <li>{@code contracts}, {@code marketdata}, {@code history}, {@code orders}, {@code account},
 *       {@code news}: one client per concern on the shared session ({@code marketdata}, {@code
 *       history}, {@code orders} and {@code account} use {@code contracts}; {@code orders} reports
 *       the holdings {@code account} keeps);
 *   <li>{@code session}: the connection, handshake, reader loop, reconnection and data farms;
 *   <li>{@code wire}: framing, fields, ids, server versions, the message decoders;
 *   <li>{@code wire.messages}: the records of what TWS sends, shared by every concern, with those
 *       of one concern in {@code wire.messages.ticks}, {@code .orders}, {@code .account} and {@code
 *       .history}.
 * </ul>
 *
 * <p>A record lives with the one concern that uses it, or in {@code wire.messages} when the
 * decoders produce it. Every exception class ends in {@code Exception}.
 */
package org.tickerdesk.ibkr;

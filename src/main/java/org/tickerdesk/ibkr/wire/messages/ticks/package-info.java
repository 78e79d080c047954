/**
 * What TWS sends about market data: tick prices, sizes, strings and generic ticks, the market-data
 * type in force, and the request parameters a tick stream was asked with. Records only; decoded in
 * {@code ibkr.wire}, read by {@code ibkr.marketdata}.
 */
package org.tickerdesk.ibkr.wire.messages.ticks;

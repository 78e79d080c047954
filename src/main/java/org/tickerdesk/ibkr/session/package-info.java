/**
 * One API session with TWS or IB Gateway: connecting and the handshake, the reader thread,
 * reconnecting with backoff, the session-level requests, and the data farms and link state it
 * reports. Stands on {@code wire}; knows no market data, history, contracts or orders.
 */
package org.tickerdesk.ibkr.session;

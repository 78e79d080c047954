/**
 * Market data: quotes and ticks, the {@code MarketDataSource} SPI that every source (simulated,
 * IBKR) implements, the feed supervisor that runs the configured source over the watchlist, and the
 * JCache-fronted quote store that holds the latest quote of every symbol, and the news store that
 * keeps the source's news (IBKR's bulletins) once each and announces what is new.
 */
package org.tickerdesk.marketdata;

/**
 * Market data: quotes and ticks, the {@code MarketDataSource} SPI that every source (simulated,
 * IBKR) implements, the feed supervisor that runs the configured source over the watchlist, and the
 * JCache-fronted quote store that holds the latest quote of every symbol (marked stale once its
 * source time is {@code tickerdesk.marketdata.stale-seconds} ago), and the news store that keeps
 * the news of the source (IBKR's bulletins) and of feeds that post it, once each, and announces
 * what is new. The simulated market can be driven from outside, for tests and demonstrations:
 * injected ticks, held symbols and scripted price paths.
 */
package org.tickerdesk.marketdata;

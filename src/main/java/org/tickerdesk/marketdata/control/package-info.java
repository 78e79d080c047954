/**
 * Market data's logic: the {@code MarketDataSource} SPI and {@code MarketDataSources}, the one
 * place the configured source is chosen; the simulated market and {@code SimulatedPrices}, which
 * injects ticks, holds and scripted paths into it; the feed supervisor; demand; the quote store and
 * the news store. Knows no broker: IBKR's source arrives through the SPI.
 */
package org.tickerdesk.marketdata.control;

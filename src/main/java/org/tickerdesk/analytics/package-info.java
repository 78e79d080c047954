/**
 * Analytics: what the live ticks add up to. Trades (or, for an instrument that never trades, its
 * midpoints) become candles of 1m, 5m, 15m, 1h and 1d; candles feed indicators (SMA, EMA, RSI,
 * MACD, Bollinger Bands, ATR, VWAP, computed with ta4j); every symbol keeps rolling 24-hour
 * statistics. Changes go out as CDI events for whoever streams them. It reads the feed's quotes as
 * marketdata fires them, stored bars through history's {@code BarStore} and instruments through
 * their catalog; nothing below it knows it, and it holds no table of its own.
 */
package org.tickerdesk.analytics;

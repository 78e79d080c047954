/**
 * Analytics' logic: which quotes are trades ({@code TradeDetector}), candles from trades ({@code
 * CandleAggregator}), indicators over a bounded ta4j series ({@code IndicatorSeries}), rolling
 * 24-hour statistics ({@code DailyWindow}), all of it together ({@code TickAnalysis}, pure and
 * single-threaded), and the bean that runs it on its own thread from the feed's quotes and fires
 * what changed ({@code LiveAnalytics}), seeding indicator series from stored bars ({@code
 * StoredSeeds}). It never touches the feed's thread beyond a queue offer, and never a table.
 */
package org.tickerdesk.analytics.control;

/**
 * Analytics' values: a {@code Trade} read from a quote, a {@code Candle} (forming or closed), the
 * indicator specs the API names ({@code ema50}) and their values, the rolling {@code DailyStats},
 * and the events {@code CandleChanged} and {@code IndicatorChanged}. Each record checks its
 * invariants when made.
 */
package org.tickerdesk.analytics.entity;

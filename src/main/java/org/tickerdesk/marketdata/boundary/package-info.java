/**
 * How the world reaches market data: {@code /api/v1/quotes} and {@code /api/v1/news}, the readiness
 * check and metrics of the feed, and the timer that releases idle upstream subscriptions. It calls
 * control; it holds no rules of its own.
 */
package org.tickerdesk.marketdata.boundary;

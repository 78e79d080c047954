/**
 * How the world reaches market data: {@code /api/v1/quotes} and {@code /api/v1/news}, {@code
 * /api/v1/sim} that drives the simulated market (refused unless it is the source), the readiness
 * check and metrics of the feed, and the timer that releases idle upstream subscriptions. It calls
 * control; it holds no rules of its own.
 */
package org.tickerdesk.marketdata.boundary;

/**
 * How the world reaches history: {@code /api/history/fetch} to fetch and store one window, {@code
 * /api/history/bars} to read stored bars, and the mapping of history failures to HTTP.
 */
package org.tickerdesk.history.boundary;

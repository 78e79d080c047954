/**
 * How the world reaches history: {@code /api/v1/history/fetch} to fetch and store one window and
 * {@code /api/v1/history/bars} to read stored bars. Failures are problem documents, written by the
 * platform's mapper from {@link org.tickerdesk.history.control.HistoryFailureException}.
 */
package org.tickerdesk.history.boundary;

/**
 * How the world reads stored history: {@code GET /api/v1/bars/{symbol}} for the stored bars of a
 * series, {@code GET /api/v1/bars/{symbol}/coverage} for how much of it is stored and its gaps
 * within the instrument's trading sessions, and {@code GET /api/v1/candles/{symbol}} for compact
 * candles a chart takes. They are public reads, like quotes. Failures are problem documents,
 * written by the platform's mapper from {@link
 * org.tickerdesk.history.control.HistoryFailureException}.
 */
package org.tickerdesk.history.boundary;

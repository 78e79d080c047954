/**
 * How the world reaches analytics. REST (public reads, like quotes): {@code GET
 * /api/v1/candles/{symbol}} (stored bars and live candles as one series, moved here from history),
 * {@code GET /api/v1/stats/{symbol}} (24 hours), {@code GET /api/v1/indicators/{symbol}} and {@code
 * .../{type}}. Failures are problem documents from the control's exceptions (and history's, for the
 * candles' query and an unknown symbol). The timer closing quiet candles every second and the
 * metrics are here too, and the Live page's bean ({@code webapp/admin/live.xhtml}: followed
 * symbols, their tiles and a live chart, which its script streams). No WebSocket: streaming
 * observes analytics' events.
 */
package org.tickerdesk.analytics.boundary;

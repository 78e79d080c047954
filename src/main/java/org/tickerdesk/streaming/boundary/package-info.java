/**
 * The market-data WebSocket ({@code /ws/market}) and its metrics: the only place a WebSocket type
 * appears. It hands frames to the {@code StreamHub} and adapts the session to a {@code Sender}.
 */
package org.tickerdesk.streaming.boundary;

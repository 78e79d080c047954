/**
 * Streaming's logic: the protocol, subscriptions, the fan-out and each client's outbox with its
 * back-pressure. Runs without a container: no WebSocket type here, a client's socket is a {@code
 * Sender}.
 */
package org.tickerdesk.streaming.control;

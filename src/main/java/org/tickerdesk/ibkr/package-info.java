/**
 * The TWS API socket-protocol client: framing, the handshake, the connection to TWS or IB Gateway
 * with its reader thread and reconnection policy, the request encoders and message decoders for
 * market data, contract details, history, news bulletins and orders (each by negotiated server
 * version), and the mapping of IB's error codes to states. It knows nothing of the rest of
 * Tickerdesk: sources, brokers and the pacing gate build on it.
 */
package org.tickerdesk.ibkr;

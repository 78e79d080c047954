/**
 * The TWS API socket-protocol client: framing, the handshake, the connection to TWS or IB Gateway
 * with its reader thread and reconnection policy, the request encoders and message decoders for
 * market data, contract details, history, news bulletins and orders (each by negotiated server
 * version), and the mapping of IB's error codes to states. On top of that: {@code TwsLink}, the one
 * session the server keeps up with TWS, the market-data source behind the {@code MarketDataSource}
 * SPI with its line limit, the historical-data pacing gate and the history client the collection
 * job calls window by window, behind history's {@code HistorySource} SPI ({@code
 * IbkrHistorySource}), the contract lookup behind the instrument catalog's {@code ContractLookup}
 * SPI, and the news bulletins fed to the news store. Its endpoints show the link, the lines and the
 * pacing budget ({@code /api/ibkr/status}, {@code /api/ibkr/pacing}).
 */
package org.tickerdesk.ibkr;

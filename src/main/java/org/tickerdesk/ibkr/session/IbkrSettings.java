package org.tickerdesk.ibkr.session;

import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;

/**
 * Where TWS or IB Gateway listens and how Tickerdesk talks to it: host, port, API client id, the
 * market-data type to ask for (live, frozen, delayed, delayed-frozen) and how many market-data
 * lines the account may hold at once.
 */
public record IbkrSettings(
        String host, int port, int clientId, MarketDataKind marketDataType, int maxLines) {

    public static final int DEFAULT_MAX_LINES = 100;

    public IbkrSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The TWS host must not be empty (e.g. 127.0.0.1)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "TWS port " + port + " is not a TCP port (7497 paper, 7496 live)");
        }
        if (clientId < 0) {
            throw new IllegalArgumentException("The API client id must not be negative");
        }
        Objects.requireNonNull(marketDataType, "marketDataType");
        if (maxLines < 1) {
            throw new IllegalArgumentException(
                    "At least one market-data line is needed, not " + maxLines);
        }
        host = host.trim();
    }

    /** The paper-trading defaults: 127.0.0.1:7497, live data, 100 lines. */
    public static IbkrSettings paper(int clientId) {
        return new IbkrSettings(
                "127.0.0.1", 7497, clientId, MarketDataKind.LIVE, DEFAULT_MAX_LINES);
    }

    /** host:port, as status messages show it. */
    public String address() {
        return host + ":" + port;
    }
}

package org.tickerdesk.platform.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * The connection to an upstream (IBKR's TWS session, shared by market data and orders) came up or
 * went down: fired once per change, whatever uses the connection, so whoever tells of outages hears
 * each one once.
 *
 * @param upstream the configured name of what is connected to ({@code ibkr})
 * @param detail what the connection said, for the log and the message
 */
public record UpstreamLinkChanged(String upstream, boolean connected, String detail, Instant at) {

    public UpstreamLinkChanged {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}

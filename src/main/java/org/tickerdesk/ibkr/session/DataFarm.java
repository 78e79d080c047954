package org.tickerdesk.ibkr.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One of IB's data farms as TWS last reported it (codes 2103–2108, 2157, 2158): its name ("usfarm",
 * "ushmds", "secdefil"), what it serves, and whether TWS's link to it is up, broken, or idle until
 * asked (inactive, which is normal).
 */
public record DataFarm(String name, Service service, State state, Instant since) {

    public enum Service {
        MARKET_DATA,
        HISTORICAL_DATA,
        SECURITY_DEFINITIONS
    }

    public enum State {
        OK,
        BROKEN,
        INACTIVE
    }

    public DataFarm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}

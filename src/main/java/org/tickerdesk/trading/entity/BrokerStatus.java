package org.tickerdesk.trading.entity;

import java.util.Locale;
import java.util.Objects;

/**
 * Which broker receives Tickerdesk's orders and whether it can right now. {@code live} means orders
 * reach a real broker (IBKR, even on an IB paper account), not Tickerdesk's own simulation.
 */
public record BrokerStatus(String name, boolean live, boolean connected, String detail) {

    public BrokerStatus {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }

    /** The words the dashboard shows in large letters, so no one mistakes paper for real money. */
    public String headline() {
        return live ? "LIVE BROKER: " + name.toUpperCase(Locale.ROOT) : "PAPER BROKER";
    }
}

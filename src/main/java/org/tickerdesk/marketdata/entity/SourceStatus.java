package org.tickerdesk.marketdata.entity;

import java.time.Instant;

/** What a market-data source says of itself: shown on the dashboard and in readiness. */
public record SourceStatus(String source, State state, String detail, Instant since) {

    public enum State {
        STARTING,
        CONNECTED,
        DISCONNECTED,
        STOPPED
    }

    public boolean connected() {
        return state == State.CONNECTED;
    }
}

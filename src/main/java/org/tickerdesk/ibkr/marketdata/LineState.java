package org.tickerdesk.ibkr.marketdata;

import java.util.Objects;

/**
 * Where one symbol's market-data subscription stands at IBKR, with a sentence for the dashboard:
 * waiting for a free line, requested, streaming (live or delayed), or refused (no permission, no
 * such contract).
 */
public record LineState(String symbol, Status status, String detail) {

    /**
     * The life of a subscription; only REQUESTED, STREAMING and DELAYED hold a market-data line.
     */
    public enum Status {
        NOT_SUBSCRIBED,
        WAITING_FOR_LINE,
        REQUESTED,
        STREAMING,
        DELAYED,
        NO_PERMISSION,
        NO_SUCH_CONTRACT;

        public boolean holdsLine() {
            return this == REQUESTED || this == STREAMING || this == DELAYED;
        }
    }

    public LineState {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }
}

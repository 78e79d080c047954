package org.tickerdesk.ibkr.session;

import java.time.Instant;

/**
 * How Tickerdesk's link to TWS stands, for the dashboard and readiness: whether IBKR is used at all
 * (a source or broker of {@code ibkr} is configured), whether the API session is up, since when,
 * and what happened last ("not reachable: Connection refused; reconnecting").
 */
public record LinkState(
        boolean enabled, boolean connected, String address, String detail, Instant since) {

    public static LinkState unused() {
        return new LinkState(
                false,
                false,
                "",
                "IBKR is not used: TICKERDESK_SOURCE and TICKERDESK_TRADING are not ibkr",
                Instant.now());
    }
}

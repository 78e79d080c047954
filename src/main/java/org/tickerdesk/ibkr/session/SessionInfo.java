package org.tickerdesk.ibkr.session;

import java.util.List;
import java.util.Objects;

/** A ready API session: who we are, what TWS negotiated, the first order id and the accounts. */
public record SessionInfo(
        int clientId,
        int serverVersion,
        String connectionTime,
        int nextOrderId,
        List<String> accounts) {

    public SessionInfo {
        Objects.requireNonNull(connectionTime, "connectionTime");
        accounts = List.copyOf(accounts);
    }
}

package org.tickerdesk.ibkr.account;

import org.tickerdesk.ibkr.wire.FieldWriter;
import org.tickerdesk.ibkr.wire.OutgoingIds;
import org.tickerdesk.ibkr.wire.OutgoingMessage;

/** Requests about the account: reqPositions. */
public final class AccountRequests {

    private AccountRequests() {}

    /**
     * Version 1, the same on every server version: TWS answers with every position of every account
     * of the login, then positionEnd, and goes on reporting changes while connected.
     */
    public static OutgoingMessage reqPositions(int serverVersion) {
        return new FieldWriter(OutgoingIds.REQ_POSITIONS).add(1).build();
    }
}

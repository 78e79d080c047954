package org.tickerdesk.ibkr.account;

import org.tickerdesk.ibkr.wire.FieldWriter;
import org.tickerdesk.ibkr.wire.OutgoingIds;
import org.tickerdesk.ibkr.wire.OutgoingMessage;

/** Requests about the account: reqPositions, reqAccountUpdates. */
public final class AccountRequests {

    private AccountRequests() {}

    /**
     * Version 1, the same on every server version: TWS answers with every position of every account
     * of the login, then positionEnd, and goes on reporting changes while connected.
     */
    public static OutgoingMessage reqPositions(int serverVersion) {
        return new FieldWriter(OutgoingIds.REQ_POSITIONS).add(1).build();
    }

    /**
     * Version 2: subscribe (1) or stop (0), then the account code. TWS answers a subscription with
     * the account's values and every line of its portfolio, then accountDownloadEnd, and goes on
     * reporting changes; only one account is followed at a time, a new subscription replacing the
     * last.
     */
    public static OutgoingMessage reqAccountUpdates(
            int serverVersion, boolean subscribe, String account) {
        return new FieldWriter(OutgoingIds.REQ_ACCOUNT_DATA)
                .add(2)
                .add(subscribe)
                .add(account)
                .build();
    }
}

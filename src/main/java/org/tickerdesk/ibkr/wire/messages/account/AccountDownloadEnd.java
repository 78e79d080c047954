package org.tickerdesk.ibkr.wire.messages.account;

import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** The account's values and portfolio have all been sent once since reqAccountUpdates. */
public record AccountDownloadEnd(String account) implements IncomingMessage {

    public AccountDownloadEnd {
        Objects.requireNonNull(account, "account");
    }
}

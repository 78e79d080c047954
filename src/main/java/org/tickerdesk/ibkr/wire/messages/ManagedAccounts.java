package org.tickerdesk.ibkr.wire.messages;

import java.util.List;

/** The accounts this login may trade, sent once after {@code startApi}. */
public record ManagedAccounts(List<String> accounts) implements IncomingMessage {

    public ManagedAccounts {
        accounts = List.copyOf(accounts);
    }

    /** IB sends one comma-separated field, often with a trailing comma. */
    public static ManagedAccounts parse(String list) {
        return new ManagedAccounts(
                java.util.Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(account -> !account.isEmpty())
                        .toList());
    }
}

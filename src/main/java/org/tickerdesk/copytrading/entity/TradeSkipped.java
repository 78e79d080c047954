package org.tickerdesk.copytrading.entity;

import java.util.Objects;

/**
 * A leader's trade will not be copied, fired inside the transaction that records why (its observers
 * commit with it): the entry with its reason, and the trader's name.
 */
public record TradeSkipped(IntakeSnapshot entry, String traderName) {

    public TradeSkipped {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(traderName, "traderName");
        if (entry.status() != IntakeStatus.SKIPPED || entry.reason() == null) {
            throw new IllegalArgumentException(
                    "A skipped trade is SKIPPED with a reason, not " + entry.status());
        }
    }
}

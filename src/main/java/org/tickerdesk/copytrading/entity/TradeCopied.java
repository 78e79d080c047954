package org.tickerdesk.copytrading.entity;

import java.util.Objects;

/**
 * A leader's trade was decided to be copied, fired inside the transaction that records the decision
 * (its observers commit with it): the entry with the order that copies it, and the trader's name.
 */
public record TradeCopied(IntakeSnapshot entry, String traderName) {

    public TradeCopied {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(traderName, "traderName");
        if (entry.status() != IntakeStatus.COPIED) {
            throw new IllegalArgumentException("A copied trade is COPIED, not " + entry.status());
        }
    }
}

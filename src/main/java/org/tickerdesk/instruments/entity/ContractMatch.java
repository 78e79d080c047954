package org.tickerdesk.instruments.entity;

import java.util.Objects;

/** One contract the broker found for a {@link ContractQuery}, as Tickerdesk would store it. */
public record ContractMatch(Contract contract, InstrumentDetails details) {

    public ContractMatch {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(details, "details");
    }

    /** "AAPL stock on NASDAQ in USD, conId 265598 (APPLE INC)": enough to tell matches apart. */
    public String describe() {
        Contract c = contract;
        return c.symbol()
                + " "
                + c.kind().name().toLowerCase()
                + " on "
                + c.exchange()
                + " in "
                + c.currency()
                + (c.expiry() == null ? "" : " expiring " + c.expiry())
                + ", conId "
                + details.conId()
                + (details.longName() == null ? "" : " (" + details.longName() + ")");
    }
}

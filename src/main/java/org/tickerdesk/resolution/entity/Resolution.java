package org.tickerdesk.resolution.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an instrument settled at, as a source determined it.
 *
 * @param settlementPrice the value of one unit at settlement, not negative
 * @param outcome the event contract's outcome; null for anything that is not an event contract
 * @param basis how it was determined, for the trader ("strike 180 call, AAPL closed 182.50")
 */
public record Resolution(BigDecimal settlementPrice, Outcome outcome, String basis) {

    public Resolution {
        Objects.requireNonNull(settlementPrice, "settlementPrice");
        if (settlementPrice.signum() < 0) {
            throw new IllegalArgumentException(
                    "A settlement price is not negative: " + settlementPrice.toPlainString());
        }
        if (outcome != null && outcome.settlementPrice().compareTo(settlementPrice) != 0) {
            throw new IllegalArgumentException(
                    "An event contract resolved "
                            + outcome
                            + " settles at "
                            + outcome.settlementPrice().toPlainString());
        }
        if (basis == null || basis.isBlank()) {
            throw new IllegalArgumentException("A resolution says how it was determined");
        }
    }

    /** An event contract's resolution. */
    public static Resolution of(Outcome outcome, String basis) {
        return new Resolution(outcome.settlementPrice(), outcome, basis);
    }
}

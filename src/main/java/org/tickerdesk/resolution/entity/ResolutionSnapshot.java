package org.tickerdesk.resolution.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An instrument's resolution as stored, for REST, the page and observers.
 *
 * @param settlementPrice null while awaiting
 * @param outcome an event contract's outcome; null otherwise and while awaiting
 * @param source the source that resolved it ({@code simulated}, {@code ibkr}, {@code manual})
 * @param positionsSettled how many positions were settled at it so far
 * @param lastCheckedAt when a source was last asked; null if never
 * @param reason while awaiting, why (or what went wrong the last time a source was asked)
 */
public record ResolutionSnapshot(
        String symbol,
        ResolutionState state,
        BigDecimal settlementPrice,
        Outcome outcome,
        String source,
        String basis,
        Instant resolvedAt,
        int positionsSettled,
        Instant lastCheckedAt,
        String reason) {

    /** The resolution a source determined, or null while awaiting. */
    public Resolution resolution() {
        return state == ResolutionState.RESOLVED
                ? new Resolution(settlementPrice, outcome, basis)
                : null;
    }

    /** Whether {@code other} names the same settlement value (the basis aside). */
    public boolean sameValue(Resolution other) {
        return state == ResolutionState.RESOLVED
                && settlementPrice.compareTo(other.settlementPrice()) == 0
                && outcome == other.outcome();
    }
}

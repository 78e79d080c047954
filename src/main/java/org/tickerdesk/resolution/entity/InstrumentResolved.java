package org.tickerdesk.resolution.entity;

import java.util.Objects;

/**
 * CDI event: an instrument was resolved (once; not when the same value is entered again). Fired
 * synchronously inside the transaction that stores it and settles its positions, so an observer
 * writing in the same transaction commits or rolls back with it; one that acts outside the database
 * uses {@code TransactionPhase.AFTER_SUCCESS}. Each settled position is announced on its own as
 * trading's {@code PositionSettled}.
 */
public record InstrumentResolved(ResolutionSnapshot resolution) {

    public InstrumentResolved {
        Objects.requireNonNull(resolution, "resolution");
    }
}

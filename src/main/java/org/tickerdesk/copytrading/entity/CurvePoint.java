package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One point of a P&amp;L curve: the P&amp;L made in all up to {@code at}. */
public record CurvePoint(Instant at, BigDecimal pnl) {

    public CurvePoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(pnl, "pnl");
    }
}

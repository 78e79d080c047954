package org.tickerdesk.resolution.entity;

import java.math.BigDecimal;

/** How an event contract resolved: a YES contract pays one unit of its currency, a NO nothing. */
public enum Outcome {
    YES,
    NO;

    /** What one contract settles at. */
    public BigDecimal settlementPrice() {
        return this == YES ? BigDecimal.ONE : BigDecimal.ZERO;
    }
}

package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;

/** A window asked for by symbol, checked but not yet matched to an instrument. */
public record WindowRequest(
        String symbol,
        BarSize barSize,
        Lookback lookback,
        Instant end,
        WhatToShow whatToShow,
        boolean regularHoursOnly) {

    public WindowRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(whatToShow, "whatToShow");
    }
}

package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.instruments.entity.Contract;

/**
 * What a history source is asked for: the bars of one contract's series, of one size, in the
 * lookback that ends at {@code end}, within regular trading hours only or not.
 */
public record HistoryWindow(
        Contract contract,
        BarSize barSize,
        Instant end,
        Lookback lookback,
        WhatToShow whatToShow,
        boolean regularHoursOnly) {

    public HistoryWindow {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(whatToShow, "whatToShow");
    }

    /** "AAPL 1 min TRADES, 1 D to 2025-11-20T21:00:00Z", for messages. */
    public String describe() {
        return contract.symbol()
                + " "
                + barSize.label()
                + " "
                + whatToShow
                + ", "
                + lookback.label()
                + " to "
                + end;
    }
}

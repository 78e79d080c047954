package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.instruments.entity.Contract;

/**
 * What a history source is asked for in one request: the bars of one contract's series, of one
 * size, starting at or after {@code from} and before {@code to}, within regular trading hours only
 * or not. {@code upload} names the uploaded file a CSV source reads, and is null for every other
 * source.
 */
public record HistoryWindow(
        Contract contract,
        BarSize barSize,
        Instant from,
        Instant to,
        WhatToShow whatToShow,
        boolean regularHoursOnly,
        Long upload) {

    public HistoryWindow {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(whatToShow, "whatToShow");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "A window must start before it ends, not " + from + " to " + to);
        }
    }

    /** Whether a bar starting then belongs to this window. */
    public boolean contains(Instant start) {
        return !start.isBefore(from) && start.isBefore(to);
    }

    /** "AAPL 1m TRADES from 2025-11-20T14:30:00Z to 2025-11-21T14:30:00Z", for messages. */
    public String describe() {
        return contract.symbol()
                + " "
                + barSize.label()
                + " "
                + whatToShow
                + " from "
                + from
                + " to "
                + to;
    }
}

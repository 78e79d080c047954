package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a collection is asked to do, checked: the bars of one series of each instrument, of one
 * size, from one source. The range is {@code from} (inclusive) to {@code to} (exclusive); {@code
 * to} null means "up to now", evaluated when each instrument starts. Incremental collections start
 * after each instrument's last stored bar and use {@code from} only where nothing is stored yet.
 * Gap filling collects only the missing stretches of the range. {@code upload} is the uploaded file
 * of a CSV collection, null otherwise.
 */
public record CollectionRequest(
        HistorySourceName source,
        List<String> symbols,
        BarSize barSize,
        Instant from,
        Instant to,
        boolean incremental,
        boolean gapsOnly,
        WhatToShow whatToShow,
        boolean regularHoursOnly,
        Long upload) {

    public CollectionRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(whatToShow, "whatToShow");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("A collection needs at least one instrument");
        }
        if (from == null && !incremental) {
            throw new IllegalArgumentException("A collection needs 'from' unless incremental");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        if ((source == HistorySourceName.CSV) != (upload != null)) {
            throw new IllegalArgumentException("A CSV collection, and only it, reads an upload");
        }
    }

    /** Up to now rather than to a fixed end. */
    public boolean toNow() {
        return to == null;
    }
}

package org.tickerdesk.history.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a collection takes its bars from, chosen per collection: a deterministic simulation, IBKR's
 * historical data, Yahoo Finance's chart endpoint, or an uploaded CSV file.
 */
public enum HistorySourceName {
    SIMULATED,
    IBKR,
    YAHOO,
    CSV;

    /** Every spelling, for messages: {@code simulated, ibkr, yahoo, csv}. */
    public static final String NAMES =
            Arrays.stream(values()).map(HistorySourceName::wire).collect(Collectors.joining(", "));

    /** How the API, the pages and the bars table's {@code source} column spell it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exactly one of the lowercase spellings. */
    public static HistorySourceName parse(String text) {
        for (HistorySourceName name : values()) {
            if (name.wire().equals(text)) {
                return name;
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a history source; use one of " + NAMES);
    }
}

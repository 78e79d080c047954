package org.tickerdesk.platform.entity;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where market data comes from: the values {@code tickerdesk.source} (TICKERDESK_SOURCE) accepts.
 * The launcher checks the setting with these names before the server starts and the application
 * parses it with them, so the two cannot disagree.
 */
public enum SourceName {
    SIMULATED,
    IBKR;

    public static final String KEY = "tickerdesk.source";

    /** How the setting spells it. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every spelling the setting accepts, in declaration order. */
    public static String[] settings() {
        return Arrays.stream(values()).map(SourceName::setting).toArray(String[]::new);
    }

    /**
     * Exactly one of the lowercase spellings; anything else (blank, capitals, spaces) is refused.
     */
    public static SourceName parse(String value) {
        for (SourceName name : values()) {
            if (name.setting().equals(value)) {
                return name;
            }
        }
        throw new IllegalArgumentException(
                KEY
                        + " (TICKERDESK_SOURCE) must be one of "
                        + String.join(", ", settings())
                        + ", not '"
                        + value
                        + "'");
    }
}

package org.tickerdesk.platform.entity;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where orders go: the values {@code tickerdesk.trading} (TICKERDESK_TRADING) accepts. The launcher
 * checks the setting with these names before the server starts and the application parses it with
 * them, so the two cannot disagree.
 */
public enum BrokerName {
    PAPER,
    IBKR;

    public static final String KEY = "tickerdesk.trading";

    /** How the setting spells it. */
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every spelling the setting accepts, in declaration order. */
    public static String[] settings() {
        return Arrays.stream(values()).map(BrokerName::setting).toArray(String[]::new);
    }

    /**
     * Exactly one of the lowercase spellings; anything else (blank, capitals, spaces) is refused.
     */
    public static BrokerName parse(String value) {
        for (BrokerName name : values()) {
            if (name.setting().equals(value)) {
                return name;
            }
        }
        throw new IllegalArgumentException(
                KEY
                        + " (TICKERDESK_TRADING) must be one of "
                        + String.join(", ", settings())
                        + ", not '"
                        + value
                        + "'");
    }
}

package org.tickerdesk.history.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which prices a bar series is made of. Series of one instrument and bar size are different series:
 * a BID bar and a TRADES bar of the same minute are both kept.
 */
public enum WhatToShow {
    TRADES,
    MIDPOINT,
    BID,
    ASK,
    BID_ASK;

    /** Case does not matter: "trades" is TRADES. */
    public static WhatToShow parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a series (whatToShow); use one of "
                            + Arrays.stream(values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}

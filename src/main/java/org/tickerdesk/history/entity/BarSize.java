package org.tickerdesk.history.entity;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bar sizes history knows, from one second to one month, labelled as IB spells them; the label
 * is what the API accepts and what the bars table stores.
 */
public enum BarSize {
    SEC_1("1 secs"),
    SEC_5("5 secs"),
    SEC_10("10 secs"),
    SEC_15("15 secs"),
    SEC_30("30 secs"),
    MIN_1("1 min"),
    MIN_2("2 mins"),
    MIN_3("3 mins"),
    MIN_5("5 mins"),
    MIN_10("10 mins"),
    MIN_15("15 mins"),
    MIN_20("20 mins"),
    MIN_30("30 mins"),
    HOUR_1("1 hour"),
    HOUR_2("2 hours"),
    HOUR_3("3 hours"),
    HOUR_4("4 hours"),
    HOUR_8("8 hours"),
    DAY_1("1 day"),
    WEEK_1("1 week"),
    MONTH_1("1 month");

    private final String label;

    BarSize(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static BarSize parse(String label) {
        for (BarSize size : values()) {
            if (size.label.equals(label)) {
                return size;
            }
        }
        throw new IllegalArgumentException(
                "'" + label + "' is not a bar size; use one of " + labels());
    }

    private static String labels() {
        return Arrays.stream(values())
                .map(s -> "\"" + s.label + "\"")
                .collect(Collectors.joining(", "));
    }
}

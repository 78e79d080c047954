package org.tickerdesk.history.entity;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bar sizes history knows, from one second to one month, each with the label the API, the pages
 * and the bars table use ({@code 1s 5s … 1m … 1h … 1d 1w 1M}) and its nominal length. A month is
 * nominally 30 days: it only sizes request windows and the step between bars when looking for gaps,
 * where a calendar month's bar starts on its first day anyway.
 */
public enum BarSize {
    SEC_1("1s", Duration.ofSeconds(1)),
    SEC_5("5s", Duration.ofSeconds(5)),
    SEC_10("10s", Duration.ofSeconds(10)),
    SEC_15("15s", Duration.ofSeconds(15)),
    SEC_30("30s", Duration.ofSeconds(30)),
    MIN_1("1m", Duration.ofMinutes(1)),
    MIN_2("2m", Duration.ofMinutes(2)),
    MIN_3("3m", Duration.ofMinutes(3)),
    MIN_5("5m", Duration.ofMinutes(5)),
    MIN_10("10m", Duration.ofMinutes(10)),
    MIN_15("15m", Duration.ofMinutes(15)),
    MIN_20("20m", Duration.ofMinutes(20)),
    MIN_30("30m", Duration.ofMinutes(30)),
    HOUR_1("1h", Duration.ofHours(1)),
    HOUR_2("2h", Duration.ofHours(2)),
    HOUR_3("3h", Duration.ofHours(3)),
    HOUR_4("4h", Duration.ofHours(4)),
    HOUR_8("8h", Duration.ofHours(8)),
    DAY_1("1d", Duration.ofDays(1)),
    WEEK_1("1w", Duration.ofDays(7)),
    MONTH_1("1M", Duration.ofDays(30));

    /** Every label, in order, for messages: {@code 1s, 5s, …, 1M}. */
    public static final String LABELS =
            Arrays.stream(values()).map(BarSize::label).collect(Collectors.joining(", "));

    private final String label;
    private final Duration length;

    BarSize(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** The nominal length of one bar. */
    public Duration length() {
        return length;
    }

    /** Daily and longer bars start on a calendar day rather than at an instant of the session. */
    public boolean isDailyOrLonger() {
        return compareTo(DAY_1) >= 0;
    }

    /** Exactly one of the labels: {@code 1m} is a minute, {@code 1M} a month. */
    public static BarSize parse(String label) {
        for (BarSize size : values()) {
            if (size.label.equals(label)) {
                return size;
            }
        }
        throw new IllegalArgumentException(
                "'" + label + "' is not a bar size; use one of " + LABELS);
    }
}

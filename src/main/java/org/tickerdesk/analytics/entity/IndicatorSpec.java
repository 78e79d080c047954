package org.tickerdesk.analytics.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One indicator as the API names it: its type and period, written {@code sma}, {@code ema50},
 * {@code rsi7}, {@code macd}, {@code bb20}, {@code atr14}, {@code vwap} or {@code vwap30}. A period
 * is 1 to {@link #MAX_PERIOD}, since a series keeps no more bars than that; period 0 is the type's
 * own (MACD's 12/26/9, the session VWAP).
 */
public record IndicatorSpec(IndicatorType type, int period) {

    public static final int MAX_PERIOD = 500;

    /** The defaults, one per type, as {@code GET /api/v1/indicators/{symbol}} lists them. */
    public static final List<IndicatorSpec> DEFAULTS =
            Arrays.stream(IndicatorType.values()).map(IndicatorSpec::of).toList();

    private static final Pattern NAME = Pattern.compile("([a-z]+)(0|[1-9][0-9]{0,8})?");

    private static final String TYPES =
            Arrays.stream(IndicatorType.values())
                    .map(IndicatorType::label)
                    .collect(Collectors.joining(", "));

    public IndicatorSpec {
        Objects.requireNonNull(type, "type");
        if (!type.takesPeriod() && period != 0) {
            throw new IllegalArgumentException(
                    "macd takes no period; its periods are 12, 26 and 9");
        }
        if (period < 0 || period > MAX_PERIOD || (period == 0 && type.defaultPeriod() != 0)) {
            throw new IllegalArgumentException(
                    "The period of "
                            + type.label()
                            + " must be a whole number from 1 to "
                            + MAX_PERIOD
                            + ", not "
                            + period);
        }
    }

    /** The type with its default period. */
    public static IndicatorSpec of(IndicatorType type) {
        return new IndicatorSpec(type, type.defaultPeriod());
    }

    /**
     * Exactly a name in lower case, with or without a period: {@code EMA}, {@code ema 50}, {@code
     * ema050} and {@code ema-5} are refused, naming the types there are.
     */
    public static IndicatorSpec parse(String text) {
        Matcher name = NAME.matcher(text);
        if (!name.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + printable(text)
                            + "' is not an indicator; use one of "
                            + TYPES
                            + ", in lower case, optionally followed by a period (ema50)");
        }
        IndicatorType type =
                Arrays.stream(IndicatorType.values())
                        .filter(t -> t.label().equals(name.group(1)))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "'"
                                                        + printable(name.group(1))
                                                        + "' is not an indicator; use one of "
                                                        + TYPES));
        if (name.group(2) == null) {
            return of(type);
        }
        return withPeriod(type, Integer.parseInt(name.group(2)));
    }

    /** A period named apart from the type, as the {@code period} parameter does: 1 and up. */
    public static IndicatorSpec withPeriod(IndicatorType type, int period) {
        if (period == 0 && type.takesPeriod()) {
            throw new IllegalArgumentException(
                    "The period of "
                            + type.label()
                            + " must be a whole number from 1 to "
                            + MAX_PERIOD
                            + ", not 0");
        }
        return new IndicatorSpec(type, period);
    }

    /** The canonical name: {@code sma20}, {@code macd}, {@code vwap}. */
    public String name() {
        return period == 0 ? type.label() : type.label() + period;
    }

    /**
     * How many bars the series needs before a value means what its name says; earlier values are
     * left out rather than computed over fewer bars. RSI and ATR need one bar more than their
     * period, since each of their steps compares a bar with the one before; MACD's signal is a
     * 9-bar average of values that need 26 bars.
     */
    public int barsNeeded() {
        return switch (type) {
            case RSI, ATR -> period + 1;
            case MACD -> 26 + 9 - 1;
            case VWAP -> Math.max(period, 1);
            default -> period;
        };
    }

    private static String printable(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

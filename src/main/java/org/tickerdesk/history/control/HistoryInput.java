package org.tickerdesk.history.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.Lookback;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.history.entity.WindowRequest;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.FieldError;

/**
 * What a caller typed for history, every field a string (null or blank for its default), turned
 * into checked values, or refused with every reason at once so one correction fixes them all.
 */
public final class HistoryInput {

    public static final int DEFAULT_LIMIT = 1000;

    private final List<FieldError> errors = new ArrayList<>();

    private HistoryInput() {}

    /**
     * A window to fetch: symbol, bar size and duration required; end defaults to now, series to
     * TRADES, RTH to true.
     */
    public static WindowRequest window(
            String symbol,
            String barSize,
            String duration,
            String end,
            String whatToShow,
            String useRth,
            Instant now) {
        HistoryInput in = new HistoryInput();
        String sym = in.symbol(symbol);
        BarSize size = in.required("barSize", barSize, "\"1 min\" or \"1 day\"", BarSize::parse);
        Lookback lookback =
                in.required("duration", duration, "\"1 D\" or \"2 W\"", Lookback::parse);
        Instant until = in.optional("end", end, now, text -> instant("end", text));
        if (until != null && until.isAfter(now)) {
            in.errors.add(
                    new FieldError(
                            "end",
                            "'end' "
                                    + until
                                    + " is in the future; leave it out to end the window now"));
        }
        WhatToShow series =
                in.optional("whatToShow", whatToShow, WhatToShow.TRADES, WhatToShow::parse);
        Boolean rth = in.optional("useRth", useRth, Boolean.TRUE, HistoryInput::flag);
        in.refuseIfAnyReason();
        return new WindowRequest(sym, size, lookback, until, series, rth);
    }

    /**
     * Stored bars to read: symbol and bar size required; series TRADES, from and to open, limit
     * 1000.
     */
    public static BarQuery bars(
            String symbol,
            String barSize,
            String whatToShow,
            String from,
            String to,
            String limit) {
        HistoryInput in = new HistoryInput();
        String sym = in.symbol(symbol);
        BarSize size = in.required("barSize", barSize, "\"1 min\" or \"1 day\"", BarSize::parse);
        WhatToShow series =
                in.optional("whatToShow", whatToShow, WhatToShow.TRADES, WhatToShow::parse);
        Instant start = in.optional("from", from, null, text -> instant("from", text));
        Instant until = in.optional("to", to, null, text -> instant("to", text));
        Integer count = in.optional("limit", limit, DEFAULT_LIMIT, HistoryInput::limit);
        in.refuseIfAnyReason();
        try {
            return new BarQuery(sym, size, series, start, until, count);
        } catch (IllegalArgumentException e) {
            throw HistoryFailureException.invalid("to", e.getMessage());
        }
    }

    private String symbol(String text) {
        return required(
                "symbol",
                text,
                "\"AAPL\"",
                value -> {
                    String upper = value.toUpperCase(Locale.ROOT);
                    if (!Contract.SYMBOL.matcher(upper).matches()) {
                        throw new IllegalArgumentException(
                                "'" + value + "' is not a symbol (e.g. AAPL, BRK.B, ESZ6)");
                    }
                    return upper;
                });
    }

    private <T> T required(String name, String text, String example, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(name, "'" + name + "' is required, e.g. " + example));
            return null;
        }
        return optional(name, text, null, parse);
    }

    private <T> T optional(String name, String text, T fallback, Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String control = JsonFields.controlCharacterProblem(name, text);
        if (control != null) {
            errors.add(new FieldError(name, control));
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return null;
        }
    }

    private void refuseIfAnyReason() {
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'"
                            + name
                            + "' '"
                            + text
                            + "' is not an instant; use ISO-8601 such as"
                            + " 2025-11-20T21:00:00Z");
        }
    }

    private static Boolean flag(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("'useRth' '" + text + "' must be true or false");
    }

    private static Integer limit(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= BarQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "'limit' '" + text + "' must be a whole number from 1 to " + BarQuery.MAX_LIMIT);
    }
}

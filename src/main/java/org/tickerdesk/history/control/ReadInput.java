package org.tickerdesk.history.control;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CandleQuery;
import org.tickerdesk.history.entity.CoverageQuery;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.FieldError;

/**
 * What a caller asked of stored history in a URL's query, turned into a checked query or refused
 * with every reason at once, so one correction fixes them all. A parameter the endpoint does not
 * take is refused rather than ignored, as most likely misspelt ({@code barsize}, {@code form}), and
 * so is a parameter given twice. Instants are ISO-8601 ({@code 2025-11-20T14:30:00Z}) or epoch
 * milliseconds ({@code 1763649000000}), as a chart library sends them.
 */
public final class ReadInput {

    static final List<String> BARS = List.of("barSize", "whatToShow", "from", "to", "limit");
    static final List<String> COVERAGE = List.of("barSize", "whatToShow", "from", "to", "rthOnly");
    static final List<String> CANDLES = List.of("interval", "from", "to", "limit");

    private final Map<String, List<String>> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private ReadInput(Map<String, List<String>> parameters, List<String> known, String endpoint) {
        this.parameters = parameters;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                errors.add(
                        new FieldError(
                                name,
                                "'"
                                        + printable(name)
                                        + "' is not a parameter of "
                                        + endpoint
                                        + "; use "
                                        + String.join(", ", known)));
            } else if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(name, "'" + name + "' is given more than once"));
            }
        }
    }

    /** Stored bars: barSize required; series TRADES, from and to open, limit 1000. */
    public static BarQuery bars(String symbol, Map<String, List<String>> parameters) {
        ReadInput in = new ReadInput(parameters, BARS, "/api/v1/bars/{symbol}");
        BarSize size = in.required("barSize", BarSize::parse);
        WhatToShow series = in.optional("whatToShow", WhatToShow.TRADES, WhatToShow::parse);
        Instant from = in.optional("from", null, text -> instant("from", text));
        Instant to = in.optional("to", null, text -> instant("to", text));
        Integer limit = in.optional("limit", CandleQuery.DEFAULT_LIMIT, ReadInput::limit);
        in.ordered(from, to);
        in.refuseIfAnyReason();
        return new BarQuery(symbol, size, series, from, to, limit);
    }

    /** Coverage: barSize required; series TRADES, from and to the stored ends, all hours. */
    public static CoverageQuery coverage(String symbol, Map<String, List<String>> parameters) {
        ReadInput in = new ReadInput(parameters, COVERAGE, "/api/v1/bars/{symbol}/coverage");
        BarSize size = in.required("barSize", BarSize::parse);
        WhatToShow series = in.optional("whatToShow", WhatToShow.TRADES, WhatToShow::parse);
        Instant from = in.optional("from", null, text -> instant("from", text));
        Instant to = in.optional("to", null, text -> instant("to", text));
        Boolean rthOnly = in.optional("rthOnly", Boolean.FALSE, ReadInput::flag);
        in.ordered(from, to);
        in.refuseIfAnyReason();
        return new CoverageQuery(symbol, size, series, from, to, rthOnly);
    }

    /** Candles: interval required; from and to open, limit 1000. */
    public static CandleQuery candles(String symbol, Map<String, List<String>> parameters) {
        ReadInput in = new ReadInput(parameters, CANDLES, "/api/v1/candles/{symbol}");
        BarSize interval = in.required("interval", BarSize::parse);
        Instant from = in.optional("from", null, text -> instant("from", text));
        Instant to = in.optional("to", null, text -> instant("to", text));
        Integer limit = in.optional("limit", CandleQuery.DEFAULT_LIMIT, ReadInput::limit);
        in.ordered(from, to);
        in.refuseIfAnyReason();
        return new CandleQuery(symbol, interval, from, to, limit);
    }

    private <T> T required(String name, Function<String, T> parse) {
        if (value(name) == null) {
            errors.add(
                    new FieldError(name, "'" + name + "' is required: one of " + BarSize.LABELS));
            return null;
        }
        return optional(name, null, parse);
    }

    private <T> T optional(String name, T fallback, Function<String, T> parse) {
        String text = value(name);
        if (text == null) {
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

    /** The one value of a parameter; a blank one is as good as none. */
    private String value(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null) {
            return null;
        }
        String value = values.get(0);
        return value.isBlank() ? null : value;
    }

    private void ordered(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(
                    new FieldError("to", "'to' (" + to + ") must be after 'from' (" + from + ")"));
        }
    }

    private void refuseIfAnyReason() {
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
    }

    static Instant instant(String name, String text) {
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'"
                            + name
                            + "' '"
                            + printable(text)
                            + "' is not an instant; use ISO-8601 such as 2025-11-20T14:30:00Z or"
                            + " epoch milliseconds such as 1763649000000");
        }
    }

    private static Boolean flag(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(
                "'rthOnly' '" + printable(text) + "' must be true or false");
    }

    private static Integer limit(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= BarQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, in the same words as a number out of range
        }
        throw new IllegalArgumentException(
                "'limit' '"
                        + printable(text)
                        + "' must be a whole number from 1 to "
                        + BarQuery.MAX_LIMIT);
    }

    /** Echoed text is cut, so a caller's 10 kB parameter does not come back in the message. */
    private static String printable(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

package org.tickerdesk.analytics.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.FieldError;

/**
 * What a caller asked of the indicators in a URL, checked, or refused with every reason at once. A
 * parameter the endpoint does not take, or one given twice, is refused rather than ignored, as the
 * history reads do. The interval is one of the live ones, 1m by default.
 */
public final class AnalyticsInput {

    /** One indicator: which, over which interval, and how many recent values. */
    public record IndicatorQuery(BarSize interval, IndicatorSpec spec, int limit) {}

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = IndicatorSpec.MAX_PERIOD;

    private static final String LIVE =
            CandleAggregator.INTERVALS.stream()
                    .map(BarSize::label)
                    .collect(Collectors.joining(", "));

    private final Map<String, List<String>> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private AnalyticsInput(Map<String, List<String>> parameters, List<String> known, String path) {
        this.parameters = parameters;
        parameters.forEach(
                (name, values) -> {
                    if (!known.contains(name)) {
                        errors.add(
                                new FieldError(
                                        name,
                                        "'"
                                                + printable(name)
                                                + "' is not a parameter of "
                                                + path
                                                + (known.isEmpty()
                                                        ? ", which takes none"
                                                        : "; use " + String.join(", ", known))));
                    } else if (values.size() > 1) {
                        errors.add(new FieldError(name, "'" + name + "' is given more than once"));
                    }
                });
    }

    /** {@code type} is the path's ({@code ema}, {@code ema50}); a period may come apart. */
    public static IndicatorQuery indicator(String type, Map<String, List<String>> parameters) {
        AnalyticsInput in =
                new AnalyticsInput(
                        parameters,
                        List.of("interval", "period", "limit"),
                        "/api/v1/indicators/{symbol}/{type}");
        BarSize interval = in.interval();
        IndicatorSpec named = in.parse("type", type, IndicatorSpec::parse);
        Integer period = in.optional("period", null, AnalyticsInput::period);
        Integer limit = in.optional("limit", DEFAULT_LIMIT, AnalyticsInput::limit);
        IndicatorSpec spec = named;
        if (named != null && period != null) {
            spec = in.withPeriod(named, type, period);
        }
        if (!in.errors.isEmpty()) {
            throw AnalyticsFailureException.invalid(in.errors);
        }
        return new IndicatorQuery(interval, spec, limit);
    }

    /** Every indicator with its default period: only the interval may be named. */
    public static BarSize defaults(Map<String, List<String>> parameters) {
        AnalyticsInput in =
                new AnalyticsInput(parameters, List.of("interval"), "/api/v1/indicators/{symbol}");
        BarSize interval = in.interval();
        if (!in.errors.isEmpty()) {
            throw AnalyticsFailureException.invalid(in.errors);
        }
        return interval;
    }

    /** An endpoint that takes no parameters refuses any. */
    public static void none(String path, Map<String, List<String>> parameters) {
        AnalyticsInput in = new AnalyticsInput(parameters, List.of(), path);
        if (!in.errors.isEmpty()) {
            throw AnalyticsFailureException.invalid(in.errors);
        }
    }

    private BarSize interval() {
        return optional("interval", BarSize.MIN_1, AnalyticsInput::liveInterval);
    }

    private IndicatorSpec withPeriod(IndicatorSpec named, String type, int period) {
        if (!type.equals(named.type().label())) {
            errors.add(
                    new FieldError(
                            "period",
                            "'period' is given twice: in the type ("
                                    + printable(type)
                                    + ") and as a parameter"));
            return named;
        }
        return parse(
                "period",
                Integer.toString(period),
                text -> IndicatorSpec.withPeriod(named.type(), period));
    }

    private <T> T optional(String name, T fallback, Function<String, T> parse) {
        List<String> values = parameters.get(name);
        if (values == null
                || values.isEmpty()
                || values.get(0) == null
                || values.get(0).isBlank()) {
            return fallback;
        }
        String control = JsonFields.controlCharacterProblem(name, values.get(0));
        if (control != null) {
            errors.add(new FieldError(name, control));
            return null;
        }
        return parse(name, values.get(0).strip(), parse);
    }

    private <T> T parse(String name, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return null;
        }
    }

    private static BarSize liveInterval(String text) {
        if (CandleAggregator.INTERVALS.stream().anyMatch(i -> i.label().equals(text))) {
            return BarSize.parse(text);
        }
        throw new IllegalArgumentException(
                "'interval' '" + printable(text) + "' is not a live interval; use one of " + LIVE);
    }

    private static Integer period(String text) {
        return whole("period", text, 1, IndicatorSpec.MAX_PERIOD);
    }

    private static Integer limit(String text) {
        return whole("limit", text, 1, MAX_LIMIT);
    }

    private static Integer whole(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, in the same words as a number out of range
        }
        throw new IllegalArgumentException(
                "'"
                        + name
                        + "' '"
                        + printable(text)
                        + "' must be a whole number from "
                        + min
                        + " to "
                        + max);
    }

    /** Echoed text is cut, so a caller's 10 kB parameter does not come back in the message. */
    private static String printable(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

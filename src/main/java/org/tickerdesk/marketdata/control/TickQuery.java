package org.tickerdesk.marketdata.control;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * What {@code GET /api/v1/ticks/{symbol}} asks for, parsed strictly: {@code from} and {@code to} as
 * epoch milliseconds or ISO-8601 (to defaults to now, from to an hour before to), {@code limit}
 * from 1 to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}). Anything else is refused, every
 * fault named.
 */
public record TickQuery(Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 10_000;
    static final List<String> PARAMETERS = List.of("from", "to", "limit");

    public static TickQuery parse(Map<String, List<String>> parameters, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                errors.add(
                        new FieldError(
                                parameter.getKey(),
                                "not a parameter of /api/v1/ticks/{symbol}; use from, to, limit"));
            } else if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(parameter.getKey(), "given more than once"));
            }
        }
        Instant to = instant("to", one(parameters, "to"), errors);
        Instant until = to == null ? now : to;
        Instant from = instant("from", one(parameters, "from"), errors);
        String limitText = one(parameters, "limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(
                        new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        Instant since = from == null ? until.minus(Duration.ofHours(1)) : from;
        if (errors.isEmpty() && !since.isBefore(until)) {
            errors.add(new FieldError("to", "must be after 'from'"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    400, "invalid_tick_request", "Invalid ticks request", errors);
        }
        return new TickQuery(since, until, limit);
    }

    private static String one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? null
                : values.get(0).strip();
    }

    private static Instant instant(String name, String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            if (!text.isEmpty()
                    && text.length() <= 15
                    && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(
                    new FieldError(
                            name,
                            "not an instant; use ISO-8601 such as 2025-11-20T14:30:00Z or epoch"
                                    + " milliseconds"));
            return null;
        }
    }
}

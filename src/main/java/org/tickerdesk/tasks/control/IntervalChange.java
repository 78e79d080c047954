package org.tickerdesk.tasks.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import org.tickerdesk.tasks.entity.RegisteredTask;

/**
 * A new interval as an admin gives it: {@code {"intervalSeconds":N}} over the API, a number of
 * seconds on the page; a whole number from 1 to 604,800 (7 days). Every refusal names the field.
 */
public final class IntervalChange {

    public static final String FIELD = "intervalSeconds";

    private IntervalChange() {}

    public static Duration from(JsonObject body) {
        if (body == null) {
            throw TaskProblems.invalid(FIELD, "Send {\"" + FIELD + "\":N}, N from 1 to 604800");
        }
        for (String key : body.keySet()) {
            if (!key.equals(FIELD)) {
                throw TaskProblems.invalid(key, "Unknown field; the only field is " + FIELD);
            }
        }
        JsonValue value = body.get(FIELD);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw TaskProblems.invalid(
                    FIELD, FIELD + " is required: a whole number of seconds from 1 to 604800");
        }
        return seconds(((JsonNumber) value).bigDecimalValue());
    }

    /** The page's text field. */
    public static Duration fromText(String text) {
        if (text == null || text.isBlank()) {
            throw TaskProblems.invalid(FIELD, "Give the interval in seconds, from 1 to 604800");
        }
        try {
            return seconds(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw TaskProblems.invalid(
                    FIELD, "The interval is a whole number of seconds, not '" + cut(text) + "'");
        }
    }

    private static Duration seconds(BigDecimal value) {
        BigDecimal whole;
        try {
            whole = value.stripTrailingZeros().scale() <= 0 ? value : null;
        } catch (ArithmeticException e) {
            whole = null;
        }
        if (whole == null) {
            throw TaskProblems.invalid(
                    FIELD, FIELD + " is a whole number of seconds, not " + value);
        }
        if (whole.compareTo(BigDecimal.valueOf(RegisteredTask.MIN_INTERVAL.toSeconds())) < 0
                || whole.compareTo(BigDecimal.valueOf(RegisteredTask.MAX_INTERVAL.toSeconds()))
                        > 0) {
            throw TaskProblems.invalid(
                    FIELD,
                    FIELD + " must be from 1 to 604800 (7 days), not " + cut(whole.toString()));
        }
        return Duration.ofSeconds(whole.longValueExact());
    }

    private static String cut(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 32 ? shown.substring(0, 32) + "…" : shown;
    }
}

package org.tickerdesk.platform.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.tickerdesk.platform.entity.FieldError;

/**
 * Reads the fields of a request body by the type each must have, collecting every mistake before
 * refusing, so one answer names every field to fix. A text field must be a JSON string ({@code
 * {"symbol":123}} is refused, not read as "123"); a number field takes a number or a string holding
 * one, as money is often sent as a string to keep its digits; a flag takes true, false or their
 * strings. Absent and null are the same: not given. Text never contains control characters (NUL and
 * the like): no field of this API means them, and the database refuses NUL. The refusal is the
 * endpoint's own exception, so each API keeps its code.
 */
public final class JsonFields {

    private final JsonObject body;
    private final Function<List<FieldError>, ? extends ProblemException> refusal;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonFields(
            JsonObject body, Function<List<FieldError>, ? extends ProblemException> refusal) {
        this.body = body;
        this.refusal = refusal;
    }

    /**
     * @param missing what to say when there is no body at all
     */
    public static JsonFields of(
            JsonObject body,
            String missing,
            Function<List<FieldError>, ? extends ProblemException> refusal) {
        if (body == null) {
            throw refusal.apply(List.of(new FieldError("body", missing)));
        }
        return new JsonFields(body, refusal);
    }

    /**
     * Every field not in {@code known} is an error, most likely a misspelt one that silently
     * ignored would change what the request does.
     */
    public JsonFields only(Collection<String> known, Function<String, String> message) {
        body.keySet().stream()
                .filter(field -> !known.contains(field))
                .sorted()
                .forEach(field -> errors.add(new FieldError(field, message.apply(field))));
        return this;
    }

    /** A string. */
    public String text(String field) {
        JsonValue value = body.get(field);
        if (absent(value)) {
            return null;
        }
        if (value instanceof JsonString string) {
            return clean(field, string.getString());
        }
        return wrong(field, "a string", value);
    }

    /**
     * A string that may run over several lines, such as the text of a story: line feeds, carriage
     * returns and tabs are taken, other control characters are not.
     */
    public String lines(String field) {
        JsonValue value = body.get(field);
        if (absent(value)) {
            return null;
        }
        if (value instanceof JsonString string) {
            String text = string.getString();
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && !isLayout(c))) {
                errors.add(
                        new FieldError(
                                field,
                                "'"
                                        + field
                                        + "' must not contain control characters other than line"
                                        + " breaks and tabs (such as NUL)"));
                return null;
            }
            return text;
        }
        return wrong(field, "a string", value);
    }

    private static boolean isLayout(int c) {
        return c == '\n' || c == '\r' || c == '\t';
    }

    /** Adds an error of the caller's own finding, refused with the others. */
    public void refuse(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** An array of strings; null when absent, null entries refused. */
    public List<String> texts(String field) {
        JsonValue value = body.get(field);
        if (absent(value)) {
            return null;
        }
        if (!(value instanceof jakarta.json.JsonArray array)) {
            wrong(field, "an array of strings", value);
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                errors.add(
                        new FieldError(
                                field, "'" + field + "' must hold strings only, not " + item));
                return null;
            }
            String text = clean(field, string.getString());
            if (text == null) {
                return null;
            }
            texts.add(text);
        }
        return texts;
    }

    /** A number, or a string holding one, as written (1e2 stays 1E+2; the reader checks range). */
    public String number(String field) {
        JsonValue value = body.get(field);
        if (absent(value)) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue().toString();
        }
        if (value instanceof JsonString string) {
            return clean(field, string.getString());
        }
        return wrong(field, "a string or a number", value);
    }

    /** true or false, as a boolean or a string. */
    public String flag(String field) {
        JsonValue value = body.get(field);
        if (absent(value)) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.toString();
        }
        if (value instanceof JsonString string) {
            return clean(field, string.getString());
        }
        return wrong(field, "true or false", value);
    }

    /** Refuses the request with every error found so far, if any. */
    public void refuseIfAnyError() {
        if (!errors.isEmpty()) {
            throw refusal.apply(List.copyOf(errors));
        }
    }

    /**
     * The message for text holding a control character, or null when it holds none: the one wording
     * for the API and the admin's forms.
     */
    public static String controlCharacterProblem(String field, String text) {
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            return "'" + field + "' must not contain control characters (such as NUL or a tab)";
        }
        return null;
    }

    private String clean(String field, String text) {
        String problem = controlCharacterProblem(field, text);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return null;
        }
        return text;
    }

    private String wrong(String field, String expected, JsonValue value) {
        errors.add(
                new FieldError(
                        field,
                        "'" + field + "' must be " + expected + ", not " + value.getValueType()));
        return null;
    }

    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}

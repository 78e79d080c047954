package org.tickerdesk.platform.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.function.Function;

/**
 * Reads a field of a REST request body as the text a person would type: a string as it is, a number
 * in plain notation (so "100" and 100 mean the same), absent or null as {@code null}. Anything else
 * is refused through the caller's own exception, so each API keeps its error shape.
 */
public final class JsonFields {

    private JsonFields() {}

    /** A string or a number. */
    public static String text(
            JsonObject body, String field, Function<String, ? extends RuntimeException> refusal) {
        return read(body, field, false, refusal);
    }

    /** A string, a number or a boolean ("true", "false"). */
    public static String scalar(
            JsonObject body, String field, Function<String, ? extends RuntimeException> refusal) {
        return read(body, field, true, refusal);
    }

    private static String read(
            JsonObject body,
            String field,
            boolean booleans,
            Function<String, ? extends RuntimeException> refusal) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue().toPlainString();
        }
        if (booleans
                && (value.getValueType() == JsonValue.ValueType.TRUE
                        || value.getValueType() == JsonValue.ValueType.FALSE)) {
            return value.toString();
        }
        throw refusal.apply(
                "'"
                        + field
                        + "' must be a string"
                        + (booleans ? ", a number or a boolean" : " or a number")
                        + ", not "
                        + value.getValueType());
    }
}

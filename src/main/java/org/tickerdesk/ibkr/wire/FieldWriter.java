package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link OutgoingMessage} the way IB's clients format values: booleans as 1/0, unset
 * optional numbers as an empty field, and the "unset" sentinels (2147483647, Double.MAX_VALUE)
 * where IB sends them literally rather than empty.
 */
public final class FieldWriter {

    public static final String UNSET_INT = String.valueOf(Integer.MAX_VALUE);
    public static final String UNSET_DOUBLE = "1.7976931348623157e+308";

    private final List<String> fields = new ArrayList<>();

    public FieldWriter(int messageId) {
        fields.add(String.valueOf(messageId));
    }

    public FieldWriter add(String value) {
        fields.add(value == null ? "" : value);
        return this;
    }

    public FieldWriter add(int value) {
        fields.add(String.valueOf(value));
        return this;
    }

    public FieldWriter add(long value) {
        fields.add(String.valueOf(value));
        return this;
    }

    public FieldWriter add(boolean value) {
        fields.add(value ? "1" : "0");
        return this;
    }

    /** A decimal that is sent empty when absent, as IB's {@code sendMax}. */
    public FieldWriter addOptional(BigDecimal value) {
        fields.add(value == null ? "" : value.toPlainString());
        return this;
    }

    public FieldWriter addAll(String... values) {
        for (String value : values) {
            add(value);
        }
        return this;
    }

    public OutgoingMessage build() {
        return new OutgoingMessage(fields);
    }
}

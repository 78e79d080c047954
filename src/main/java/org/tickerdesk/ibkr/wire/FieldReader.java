package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one incoming message in order. Every failure names the field and the value,
 * and is a {@link MalformedMessageException}: a price that does not parse is never taken as 0.
 * Integers that arrive empty are 0, as in IB's own decoder; unset sentinels become {@code null}.
 * Sizes and quantities are IB Decimals, which it also leaves unset by spelling out the largest int
 * or long, the smallest long or the largest double.
 */
final class FieldReader {

    private static final String UNSET_DECIMAL = "170141183460469231731687303715884105727";
    private static final Set<String> UNSET_SIZES =
            Set.of(
                    String.valueOf(Integer.MAX_VALUE),
                    String.valueOf(Long.MAX_VALUE),
                    String.valueOf(Long.MIN_VALUE),
                    String.valueOf(Double.MAX_VALUE));

    private final String message;
    private final List<String> fields;
    private int position;

    FieldReader(String message, List<String> fields, int start) {
        this.message = message;
        this.fields = fields;
        this.position = start;
    }

    public String string(String name) throws MalformedMessageException {
        if (position >= fields.size()) {
            throw new MalformedMessageException(
                    message
                            + " ended before its field '"
                            + name
                            + "' ("
                            + fields.size()
                            + " fields)");
        }
        return fields.get(position++);
    }

    public int integer(String name) throws MalformedMessageException {
        String value = string(name);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "an integer");
        }
    }

    /** An integer IB may leave unset (empty or 2147483647). */
    public Integer optionalInteger(String name) throws MalformedMessageException {
        String value = string(name);
        if (value.isEmpty() || value.equals(FieldWriter.UNSET_INT)) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "an integer");
        }
    }

    public long longValue(String name) throws MalformedMessageException {
        String value = string(name);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "an integer");
        }
    }

    public boolean bool(String name) throws MalformedMessageException {
        String value = string(name);
        if (value.isEmpty() || value.equals("0") || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        try {
            return Integer.parseInt(value) != 0;
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a flag");
        }
    }

    /** A number that must be there and be finite: prices, quantities; unset or infinite fails. */
    public BigDecimal decimal(String name) throws MalformedMessageException {
        String value = string(name);
        BigDecimal parsed = parse(name, value);
        if (parsed == null) {
            throw invalid(name, value, "a number");
        }
        return parsed;
    }

    /**
     * A number IB may leave unset (empty, Double.MAX_VALUE, Long.MAX_VALUE, its unset decimal) or
     * infinite.
     */
    public BigDecimal optionalDecimal(String name) throws MalformedMessageException {
        return parse(name, string(name));
    }

    /** A size or quantity that must be there: an unset one fails, as garbage does. */
    public BigDecimal size(String name) throws MalformedMessageException {
        String value = string(name);
        BigDecimal parsed = UNSET_SIZES.contains(value.trim()) ? null : parse(name, value);
        if (parsed == null) {
            throw invalid(name, value, "a size");
        }
        return parsed;
    }

    /**
     * A size IB may leave unset (empty or one of its unset spellings), which is {@code null}, never
     * a number.
     */
    public BigDecimal optionalSize(String name) throws MalformedMessageException {
        String value = string(name);
        return UNSET_SIZES.contains(value.trim()) ? null : parse(name, value);
    }

    public void skip(int count, String name) throws MalformedMessageException {
        for (int i = 0; i < count; i++) {
            string(name);
        }
    }

    /** Gives up on the rest of a message that is known to be unreadable. */
    public void skipRemaining() {
        position = fields.size();
    }

    public int remaining() {
        return fields.size() - position;
    }

    private BigDecimal parse(String name, String value) throws MalformedMessageException {
        if (value.isEmpty()
                || value.equals(UNSET_DECIMAL)
                || value.equals(String.valueOf(Long.MAX_VALUE))) {
            return null;
        }
        double asDouble;
        try {
            asDouble = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a number");
        }
        if (asDouble == Double.MAX_VALUE || Double.isInfinite(asDouble)) {
            return null;
        }
        if (Double.isNaN(asDouble)) {
            throw invalid(name, value, "a number");
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a number");
        }
    }

    private MalformedMessageException invalid(String name, String value, String expected) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return new MalformedMessageException(
                message + " field '" + name + "' is '" + shown + "', not " + expected);
    }
}

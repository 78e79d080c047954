package org.tickerdesk.streaming.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of stream the protocol names, each with the parameters that follow its name. The kinds
 * without a symbol are a user's private streams.
 */
public enum StreamKind {
    QUOTES("<SYM>"),
    TRADES("<SYM>"),
    CANDLES("<SYM>:<interval>"),
    INDICATORS("<SYM>:<name>:<interval>"),
    NEWS("<SYM>"),
    JOBS(""),
    POSITIONS(""),
    ORDERS(""),
    NOTIFICATIONS(""),
    TRADERS(""),
    TASKS(""),
    RESOLUTIONS(""),
    STATUS("");

    /** Every kind's wire name, for messages. */
    public static final String NAMES =
            Arrays.stream(values()).map(StreamKind::wire).collect(Collectors.joining(", "));

    private final String parameters;

    StreamKind(String parameters) {
        this.parameters = parameters;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a stream of this kind is written: {@code candles:<SYM>:<interval>}. */
    public String form() {
        return parameters.isEmpty() ? wire() : wire() + ":" + parameters;
    }

    /** How many ':'-separated parts follow the kind; the first of them, if any, is the symbol. */
    public int parameterCount() {
        return parameters.isEmpty() ? 0 : parameters.split(":").length;
    }

    public boolean isPrivate() {
        return parameters.isEmpty();
    }

    public static Optional<StreamKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wire().equals(name)).findFirst();
    }
}

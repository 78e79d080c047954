package org.tickerdesk.streaming.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The operations a client may request. */
public enum Op {
    SUBSCRIBE,
    UNSUBSCRIBE,
    LIST_SUBSCRIPTIONS,
    PING;

    /**
     * Every operation's wire name, for messages: "subscribe, unsubscribe, list_subscriptions,
     * ping".
     */
    public static final String NAMES =
            Arrays.stream(values()).map(Op::wire).collect(Collectors.joining(", "));

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Op> fromWire(String name) {
        return Arrays.stream(values()).filter(op -> op.wire().equals(name)).findFirst();
    }
}

package org.tickerdesk.streaming.entity;

import java.time.Duration;

/**
 * How much of its recent messages each concrete stream keeps for clients that reconnect: at most
 * {@code messages} of them, none older than {@code age}, and all streams together at most {@code
 * characters} of message text.
 */
public record HistoryLimits(int messages, Duration age, long characters) {

    public static final HistoryLimits DEFAULT =
            new HistoryLimits(1_000, Duration.ofSeconds(60), 64_000_000);

    public HistoryLimits {
        if (messages < 0) {
            throw new IllegalArgumentException(
                    "A stream keeps 0 or more recent messages, not " + messages);
        }
        if (age == null || age.isNegative()) {
            throw new IllegalArgumentException(
                    "Recent messages are kept for 0 seconds or more, not " + age);
        }
        if (characters < 0) {
            throw new IllegalArgumentException(
                    "The streams keep 0 or more characters of recent messages, not " + characters);
        }
    }
}

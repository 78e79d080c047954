package org.tickerdesk.tasks.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A task has failed {@code consecutiveFailures} times in a row, as many as {@code
 * tickerdesk.tasks.failure-threshold} says is worth telling. Fired synchronously inside the
 * transaction that records that failure, so whatever an observer writes commits with it. Fired once
 * per streak: the next time only after a success has ended this one.
 */
public record TaskFailing(String name, int consecutiveFailures, String lastError, Instant at) {

    public TaskFailing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("A failing task failed at least once");
        }
    }
}

package org.tickerdesk.marketdata.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A scripted path as it runs: from which price to which, and how many of its steps are done. */
public record ScriptedPath(
        long id,
        String symbol,
        double from,
        double to,
        int steps,
        int stepsDone,
        Duration duration,
        Instant startedAt) {

    public ScriptedPath {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(startedAt, "startedAt");
        if (stepsDone < 0 || stepsDone > steps) {
            throw new IllegalArgumentException(stepsDone + " of " + steps + " steps done?");
        }
    }
}

package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * One window as the collection job reads it and hands it to its writer: what the source answered,
 * how many times it had to be asked again, and where the partition's next window starts once this
 * one is stored.
 */
public record CollectedWindow(TimeRange window, SourceBars answer, long retries, Instant next) {

    public CollectedWindow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(next, "next");
    }
}

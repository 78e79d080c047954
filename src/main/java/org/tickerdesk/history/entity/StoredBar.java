package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.Objects;

/** A bar as stored: the bar, the source it came from and when it was fetched. */
public record StoredBar(Bar bar, String source, Instant fetchedAt) {

    public StoredBar {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
}

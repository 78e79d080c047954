package org.tickerdesk.copytrading.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A followed trader as the API, the pages and the {@code traders} stream show it: never with the
 * webhook secret, which is shown once, when the trader is created.
 *
 * @param version raised by every change; an edit that names it is refused once another changed the
 *     trader in between
 */
public record TraderSnapshot(
        long id, TraderSettings settings, Instant createdAt, Instant updatedAt, long version) {

    public TraderSnapshot {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

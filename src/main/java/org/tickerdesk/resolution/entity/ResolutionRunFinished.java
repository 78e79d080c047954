package org.tickerdesk.resolution.entity;

import java.time.Instant;
import java.util.Objects;

/** A resolution run finished (scheduled or "resolve now"), for the {@code resolutions} stream. */
public record ResolutionRunFinished(ResolutionRun run, Instant at) {

    public ResolutionRunFinished {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(at, "at");
    }
}

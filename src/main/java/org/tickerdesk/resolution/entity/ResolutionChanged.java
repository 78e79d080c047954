package org.tickerdesk.resolution.entity;

import java.util.Objects;

/**
 * An instrument's resolution changed: it was resolved, its positions settled, or a source was asked
 * and it still awaits. Fired once the change is stored, for the {@code resolutions} stream.
 */
public record ResolutionChanged(ResolutionOverview resolution) {

    public ResolutionChanged {
        Objects.requireNonNull(resolution, "resolution");
    }
}

package org.tickerdesk.resolution.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * What a resolution source found: the resolution, or that it cannot tell yet, with what it saw when
 * it can say (null when it has nothing to add to "cannot tell yet").
 */
public record SourceAnswer(Resolution resolution, String undetermined) {

    public SourceAnswer {
        if (resolution != null && undetermined != null) {
            throw new IllegalArgumentException(
                    "An answer is a resolution or the reason there is none, not both");
        }
        if (undetermined != null && undetermined.isBlank()) {
            throw new IllegalArgumentException("A reason says something");
        }
    }

    public static SourceAnswer resolved(Resolution resolution) {
        return new SourceAnswer(Objects.requireNonNull(resolution, "resolution"), null);
    }

    /** Cannot tell yet, for this reason. */
    public static SourceAnswer cannotTell(String why) {
        return new SourceAnswer(null, Objects.requireNonNull(why, "why"));
    }

    /** Cannot tell yet, with nothing to say beyond that. */
    public static SourceAnswer cannotTell() {
        return new SourceAnswer(null, null);
    }

    public Optional<Resolution> found() {
        return Optional.ofNullable(resolution);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(undetermined);
    }
}

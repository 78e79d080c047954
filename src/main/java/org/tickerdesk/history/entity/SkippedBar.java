package org.tickerdesk.history.entity;

import java.util.Objects;

/**
 * A bar a source sent that cannot be stored, and why: {@code where} says which ("line 17", "bar at
 * 2024-03-01T14:30:00Z"), {@code reason} what is wrong with it.
 */
public record SkippedBar(String where, String reason) {

    public SkippedBar {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return where + ": " + reason;
    }
}

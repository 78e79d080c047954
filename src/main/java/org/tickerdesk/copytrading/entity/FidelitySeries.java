package org.tickerdesk.copytrading.entity;

import java.util.List;
import java.util.Objects;

/**
 * A trader's copy fidelity over time: one point per copied trade whose order was placed, by the
 * leader's time, of at most the newest {@code window} copies; and the 50th and 95th percentiles of
 * the same copies ({@code figures}: only its counts and fidelity fields are filled).
 */
public record FidelitySeries(
        long traderId, int window, List<FidelityPoint> points, CopyPerformance figures) {

    public FidelitySeries {
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        Objects.requireNonNull(figures, "figures");
    }
}

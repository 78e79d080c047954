package org.tickerdesk.history.entity;

import java.util.List;

/**
 * What a source answered for one window: the bars that can be stored, each a checked {@link Bar}
 * inside the window, and those it sent that cannot, each with its reason.
 */
public record SourceBars(List<Bar> bars, List<SkippedBar> skipped) {

    public SourceBars {
        bars = List.copyOf(bars);
        skipped = List.copyOf(skipped);
    }

    public static SourceBars of(List<Bar> bars) {
        return new SourceBars(bars, List.of());
    }

    public static SourceBars none() {
        return new SourceBars(List.of(), List.of());
    }
}

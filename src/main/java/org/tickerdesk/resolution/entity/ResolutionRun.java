package org.tickerdesk.resolution.entity;

import java.util.List;

/**
 * What one resolution run did.
 *
 * @param asked how many instruments a source was asked about
 * @param resolved how many of them it resolved
 * @param settled how many positions were settled, in those and in instruments resolved before
 * @param awaiting how many expired instruments still await resolution
 * @param failures per instrument whose source failed: the symbol and what went wrong
 */
public record ResolutionRun(
        int asked, int resolved, int settled, int awaiting, List<String> failures) {

    public ResolutionRun {
        failures = List.copyOf(failures);
    }

    /** One sentence for the page and the tasks console. */
    public String summary() {
        return "Asked about "
                + asked
                + " instrument(s): "
                + resolved
                + " resolved, "
                + awaiting
                + " awaiting, "
                + settled
                + " position(s) settled"
                + (failures.isEmpty() ? "" : "; failed: " + String.join("; ", failures));
    }
}

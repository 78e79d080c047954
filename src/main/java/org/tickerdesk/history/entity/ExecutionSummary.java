package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.List;

/**
 * One batch execution of a collection (the first run, then each restart): its batch status and exit
 * status, when it started and ended (null while running), and its per-partition metrics.
 */
public record ExecutionSummary(
        long executionId,
        String batchStatus,
        String exitStatus,
        Instant start,
        Instant end,
        List<StepMetrics> steps) {

    public ExecutionSummary {
        steps = List.copyOf(steps);
    }
}

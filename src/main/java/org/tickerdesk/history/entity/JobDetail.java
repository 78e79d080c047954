package org.tickerdesk.history.entity;

import java.util.List;

/** A collection with its executions and the bars it skipped, each with its reason. */
public record JobDetail(
        JobSnapshot job, List<ExecutionSummary> executions, List<SkippedBar> skipped) {

    public JobDetail {
        executions = List.copyOf(executions);
        skipped = List.copyOf(skipped);
    }
}

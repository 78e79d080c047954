package org.tickerdesk.history.entity;

import java.util.Objects;

/**
 * CDI event: a collection ended (completed, failed or stopped). Fired synchronously inside the
 * transaction that records the end, once per collection run, with the collection as it ended.
 */
public record CollectionEnded(JobSnapshot job) {

    public CollectionEnded {
        Objects.requireNonNull(job, "job");
    }
}

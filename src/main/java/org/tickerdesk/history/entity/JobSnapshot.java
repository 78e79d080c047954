package org.tickerdesk.history.entity;

import java.time.Instant;
import java.util.List;

/**
 * A collection as it stands: who asked for what and when, its status, its progress summed over its
 * instruments and per instrument, its rate in bars per second while running, when it is expected to
 * end (null when unknown or not running) and the last error it met (null if none).
 */
public record JobSnapshot(
        long id,
        JobStatus status,
        String requestedBy,
        Instant createdAt,
        Instant updatedAt,
        CollectionRequest request,
        long windowsDone,
        long windowsTotal,
        long barsWritten,
        long barsSkipped,
        long retries,
        double barsPerSecond,
        Instant eta,
        String lastError,
        List<PartitionProgress> partitions) {

    public JobSnapshot {
        partitions = List.copyOf(partitions);
    }
}

package org.tickerdesk.history.entity;

/**
 * How far one instrument of a collection has come: its windows done of total, the bars written and
 * skipped, the retries its source needed, and the last error it met (null if none). In Jakarta
 * Batch's terms windows are the partition's reads and commits, bars its writes.
 */
public record PartitionProgress(
        String symbol,
        JobStatus status,
        long windowsDone,
        long windowsTotal,
        long barsWritten,
        long barsSkipped,
        long retries,
        String lastError) {}

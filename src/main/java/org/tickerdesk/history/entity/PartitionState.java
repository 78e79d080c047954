package org.tickerdesk.history.entity;

import java.time.Instant;

/**
 * Where one instrument of a collection stands in the store, as its reader needs it on opening: the
 * end its range was planned to (null until first planned), where its next window starts (null until
 * planned), and how many windows are done.
 */
public record PartitionState(
        long jobId,
        int position,
        String symbol,
        Instant plannedTo,
        Instant cursor,
        long windowsDone) {}

package org.tickerdesk.history.entity;

import java.time.LocalDate;

/**
 * Which collections to list: of a status, of an instrument, created on a day (UTC); each null for
 * any. Newest first, at most {@code limit}.
 */
public record JobFilter(JobStatus status, String symbol, LocalDate day, int limit) {

    public static final int MAX_LIMIT = 500;

    public JobFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be from 1 to " + MAX_LIMIT);
        }
    }

    public static JobFilter all() {
        return new JobFilter(null, null, null, 100);
    }
}

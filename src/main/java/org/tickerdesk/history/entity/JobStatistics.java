package org.tickerdesk.history.entity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** How many collections are in each status, and how many bars were collected on each day (UTC). */
public record JobStatistics(Map<JobStatus, Long> byStatus, List<DailyBars> barsPerDay) {

    /** Bars written by collections on one day. */
    public record DailyBars(LocalDate day, long bars) {}

    public JobStatistics {
        byStatus = Map.copyOf(byStatus);
        barsPerDay = List.copyOf(barsPerDay);
    }
}

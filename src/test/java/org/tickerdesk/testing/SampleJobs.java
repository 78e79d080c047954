package org.tickerdesk.testing;

import java.time.Instant;
import java.util.List;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.PartitionProgress;
import org.tickerdesk.history.entity.WhatToShow;

/** Collections as tests need them: a running one of two instruments, moved on as a job would. */
public final class SampleJobs {

    public static final Instant CREATED = Instant.parse("2025-11-20T14:30:00Z");

    private SampleJobs() {}

    /** 30 days of 1-minute AAPL and MSFT trades from the simulation, half done. */
    public static JobSnapshot running(long id) {
        return new JobSnapshot(
                id,
                JobStatus.STARTED,
                "admin",
                CREATED,
                CREATED.plusSeconds(12),
                new CollectionRequest(
                        HistorySourceName.SIMULATED,
                        List.of("AAPL", "MSFT"),
                        BarSize.MIN_1,
                        Instant.parse("2025-10-21T00:00:00Z"),
                        Instant.parse("2025-11-20T00:00:00Z"),
                        false,
                        false,
                        WhatToShow.TRADES,
                        true,
                        null),
                30,
                60,
                11_700,
                2,
                1,
                975.5,
                CREATED.plusSeconds(24),
                null,
                List.of(
                        new PartitionProgress(
                                "AAPL", JobStatus.STARTED, 20, 30, 7_800, 2, 1, "timed out"),
                        new PartitionProgress(
                                "MSFT", JobStatus.STARTED, 10, 30, 3_900, 0, 0, null)));
    }

    /** The same collection later, in another status and with more windows done. */
    public static JobSnapshot at(JobSnapshot job, JobStatus status, long windowsDone, int seconds) {
        return new JobSnapshot(
                job.id(),
                status,
                job.requestedBy(),
                job.createdAt(),
                job.createdAt().plusSeconds(seconds),
                job.request(),
                windowsDone,
                job.windowsTotal(),
                job.barsWritten(),
                job.barsSkipped(),
                job.retries(),
                job.barsPerSecond(),
                status.isRunning() ? job.eta() : null,
                job.lastError(),
                job.partitions());
    }
}

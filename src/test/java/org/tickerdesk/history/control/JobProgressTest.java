package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionJob;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.PartitionProgress;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * A collection's progress: summed over its instruments, its rate and expected end the current
 * execution's own.
 */
class JobProgressTest {

    private static final Instant CREATED = Instant.parse("2024-03-05T08:59:00Z");
    private static final Instant BEGAN = Instant.parse("2024-03-05T09:00:00Z");

    private static final CollectionRequest REQUEST =
            new CollectionRequest(
                    HistorySourceName.SIMULATED,
                    List.of("AAPL", "MSFT"),
                    BarSize.MIN_1,
                    Instant.parse("2024-01-02T00:00:00Z"),
                    Instant.parse("2024-03-01T00:00:00Z"),
                    false,
                    false,
                    WhatToShow.TRADES,
                    true,
                    null);

    /** A collection as the database hands it out: with its id. */
    private static final class StoredJob extends CollectionJob {
        StoredJob() {
            super(REQUEST, "alice", CREATED);
        }

        @Override
        public Long id() {
            return 17L;
        }
    }

    /** Began its execution at BEGAN, after the given counts of earlier executions. */
    private static CollectionJob executing(long barsBefore, long windowsBefore) {
        CollectionJob job = new StoredJob();
        job.executing(1, barsBefore, windowsBefore, BEGAN);
        return job;
    }

    private static PartitionProgress partition(
            String symbol, long done, long total, long bars, long skipped, long retries) {
        return new PartitionProgress(
                symbol, JobStatus.STARTED, done, total, bars, skipped, retries, null);
    }

    private static JobSnapshot snapshot(
            CollectionJob job, List<PartitionProgress> partitions, Instant now) {
        return JobProgress.snapshot(job, REQUEST, partitions, now);
    }

    private static Instant after(long seconds) {
        return BEGAN.plusSeconds(seconds);
    }

    @Test
    void progressIsSummedOverTheInstruments() {
        List<PartitionProgress> partitions =
                List.of(partition("AAPL", 10, 20, 3000, 2, 1), partition("MSFT", 4, 20, 500, 0, 3));
        JobSnapshot snapshot = snapshot(executing(0, 0), partitions, after(100));
        assertEquals(14, snapshot.windowsDone());
        assertEquals(40, snapshot.windowsTotal());
        assertEquals(3500, snapshot.barsWritten());
        assertEquals(2, snapshot.barsSkipped());
        assertEquals(4, snapshot.retries());
        assertEquals(partitions, snapshot.partitions());
    }

    @Test
    void theSnapshotSaysWhoAskedForWhatAndWhere() {
        CollectionJob job = executing(0, 0);
        JobSnapshot snapshot = snapshot(job, List.of(), after(10));
        assertEquals(17L, snapshot.id());
        assertEquals(JobStatus.STARTED, snapshot.status());
        assertEquals("alice", snapshot.requestedBy());
        assertEquals(CREATED, snapshot.createdAt());
        assertEquals(BEGAN, snapshot.updatedAt());
        assertEquals(REQUEST, snapshot.request());
        assertEquals(0, snapshot.windowsDone());
        assertEquals(0, snapshot.barsWritten());
        assertNull(snapshot.lastError());
    }

    @Test
    void theRateIsTheBarsOfThisExecutionPerSecondOfItsRunning() {
        // Earlier executions wrote 1,000 bars in 4 windows; this one 2,500 bars in 100 seconds.
        JobSnapshot snapshot =
                snapshot(
                        executing(1000, 4),
                        List.of(
                                partition("AAPL", 10, 20, 3000, 0, 0),
                                partition("MSFT", 4, 20, 500, 0, 0)),
                        after(100));
        assertEquals(25.0, snapshot.barsPerSecond());
    }

    @Test
    void theExpectedEndIsNowPlusTheWindowsLeftAtThisExecutionsAverageWindow() {
        // 10 windows in this execution's 100 seconds: 10 s a window; 40 - 14 = 26 left: 260 s.
        JobSnapshot snapshot =
                snapshot(
                        executing(1000, 4),
                        List.of(
                                partition("AAPL", 10, 20, 3000, 0, 0),
                                partition("MSFT", 4, 20, 500, 0, 0)),
                        after(100));
        assertEquals(after(100 + 260), snapshot.eta());
    }

    @Test
    void theRateIsRoundedToOneDecimal() {
        // 100 bars in 300 s: 0.333... bars a second.
        assertEquals(
                0.3,
                snapshot(executing(0, 0), List.of(partition("AAPL", 1, 9, 100, 0, 0)), after(300))
                        .barsPerSecond());
        // 2 bars in 3 s: 0.666...
        assertEquals(
                0.7,
                snapshot(executing(0, 0), List.of(partition("AAPL", 1, 9, 2, 0, 0)), after(3))
                        .barsPerSecond());
    }

    @Test
    void beforeAnyWindowOfThisExecutionIsDoneThereIsNoExpectedEnd() {
        JobSnapshot snapshot =
                snapshot(
                        executing(3500, 14),
                        List.of(
                                partition("AAPL", 10, 20, 3000, 0, 0),
                                partition("MSFT", 4, 20, 500, 0, 0)),
                        after(30));
        assertNull(snapshot.eta());
        assertEquals(0.0, snapshot.barsPerSecond());
    }

    @Test
    void atTheInstantAnExecutionBeginsThereIsNoRateYet() {
        JobSnapshot snapshot =
                snapshot(executing(0, 0), List.of(partition("AAPL", 0, 20, 0, 0, 0)), BEGAN);
        assertEquals(0.0, snapshot.barsPerSecond());
        assertNull(snapshot.eta());
    }

    @Test
    void aCollectionWhoseExecutionHasNotBegunHasNoRateAndNoExpectedEnd() {
        JobSnapshot snapshot =
                snapshot(new StoredJob(), List.of(partition("AAPL", 0, 20, 0, 0, 0)), after(5));
        assertEquals(JobStatus.STARTING, snapshot.status());
        assertEquals(0.0, snapshot.barsPerSecond());
        assertNull(snapshot.eta());
    }

    @Test
    void aStoppingCollectionStillRunsSoItStillHasARateAndAnExpectedEnd() {
        CollectionJob job = executing(0, 0);
        job.stopping(after(50));
        // 1,000 bars and 5 windows in 100 s: 10.0 a second, 20 s a window, 15 left: 300 s.
        JobSnapshot snapshot =
                snapshot(job, List.of(partition("AAPL", 5, 20, 1000, 0, 0)), after(100));
        assertEquals(10.0, snapshot.barsPerSecond());
        assertEquals(after(100 + 300), snapshot.eta());
    }

    @Test
    void anEndedCollectionHasNoRateAndNoExpectedEnd() {
        for (JobStatus outcome :
                List.of(JobStatus.STOPPED, JobStatus.FAILED, JobStatus.COMPLETED)) {
            CollectionJob job = executing(0, 0);
            job.ended(outcome, null, after(100));
            JobSnapshot snapshot =
                    snapshot(job, List.of(partition("AAPL", 5, 20, 1000, 0, 0)), after(120));
            assertEquals(0.0, snapshot.barsPerSecond(), outcome.name());
            assertNull(snapshot.eta(), outcome.name());
        }
    }

    @Test
    void aRestartedCollectionRatesOnlyItsNewExecution() {
        // The first execution wrote 20,000 bars in 10 windows, then stopped; an hour later the
        // second began and wrote 10,000 more in 5 windows in 50 s.
        CollectionJob job = executing(0, 0);
        job.ended(JobStatus.STOPPED, null, after(100));
        Instant restarted = after(3600);
        job.restarting(restarted);
        job.executing(2, 20_000, 10, restarted);
        JobSnapshot snapshot =
                snapshot(
                        job,
                        List.of(partition("AAPL", 15, 40, 30_000, 0, 0)),
                        restarted.plusSeconds(50));
        assertEquals(200.0, snapshot.barsPerSecond());
        // 10 s a window, 40 - 15 = 25 left: 250 s.
        assertEquals(restarted.plusSeconds(50 + 250), snapshot.eta());
    }

    @Test
    void aRestartedCollectionWaitingForItsNewExecutionHasNoRateAndNoExpectedEndYet() {
        // The first execution wrote 20,000 bars in 10 windows in 100 s, then stopped. Restarted an
        // hour later, its new execution has not begun: there is nothing of it to rate, and the
        // old execution's bars spread over the pause would be the crawl this rate is meant to
        // avoid (20,000 bars over 3,601 s, 5.6 a second, and 360 s a window, three hours for the 30
        // windows left).
        CollectionJob job = executing(0, 0);
        job.ended(JobStatus.STOPPED, null, after(100));
        job.restarting(after(3600));
        JobSnapshot snapshot =
                snapshot(job, List.of(partition("AAPL", 10, 40, 20_000, 0, 0)), after(3601));
        assertEquals(JobStatus.STARTING, snapshot.status());
        assertEquals(0.0, snapshot.barsPerSecond());
        assertNull(snapshot.eta());
    }

    @Test
    void theExpectedEndIsWholeMillisecondsAfterNow() {
        // 3 windows in 10 s: 3.333... s a window; 1 left: 3,333 ms.
        JobSnapshot snapshot =
                snapshot(executing(0, 0), List.of(partition("AAPL", 3, 4, 30, 0, 0)), after(10));
        assertEquals(after(10).plus(Duration.ofMillis(3333)), snapshot.eta());
    }
}

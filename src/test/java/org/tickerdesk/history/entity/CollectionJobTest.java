package org.tickerdesk.history.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A collection's states in Jakarta Batch's order: the guards that keep a stale or late signal from
 * moving it where it cannot be.
 */
class CollectionJobTest {

    private static final Instant CREATED = Instant.parse("2024-03-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2024-03-05T09:05:00Z");
    private static final Instant LATEST = Instant.parse("2024-03-05T10:00:00Z");

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

    private static CollectionJob fresh() {
        return new CollectionJob(REQUEST, "alice", CREATED);
    }

    private static CollectionJob running() {
        CollectionJob job = fresh();
        job.executing(1, 0, 0, CREATED);
        return job;
    }

    private static CollectionJob endedAs(JobStatus outcome) {
        CollectionJob job = running();
        job.ended(outcome, null, LATER);
        return job;
    }

    private static CollectionJob abandoned() {
        CollectionJob job = endedAs(JobStatus.STOPPED);
        job.abandon(LATER);
        return job;
    }

    @Test
    void aNewCollectionIsStartingAndRemembersWhoAskedAndWhen() {
        CollectionJob job = fresh();
        assertEquals(JobStatus.STARTING, job.status());
        assertEquals("alice", job.requestedBy());
        assertEquals(CREATED, job.createdAt());
        assertEquals(CREATED, job.updatedAt());
        assertNull(job.executionId());
        assertNull(job.executionStarted());
        assertNull(job.endedAt());
        assertNull(job.lastError());
    }

    @Test
    void aCollectionNeedsARequestAndSomeoneWhoAskedForIt() {
        assertThrows(NullPointerException.class, () -> new CollectionJob(null, "alice", CREATED));
        assertThrows(
                IllegalArgumentException.class, () -> new CollectionJob(REQUEST, " ", CREATED));
        assertThrows(
                IllegalArgumentException.class, () -> new CollectionJob(REQUEST, null, CREATED));
    }

    @Test
    void itsRequestComesBackAsItWasMadeWithTheInstrumentsKeptBesideIt() {
        CollectionRequest every =
                new CollectionRequest(
                        HistorySourceName.YAHOO,
                        List.of("BRK.B", "SPY"),
                        BarSize.MONTH_1,
                        Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2024-01-01T00:00:00Z"),
                        false,
                        true,
                        WhatToShow.BID_ASK,
                        false,
                        null);
        assertEquals(
                every, new CollectionJob(every, "bob", CREATED).request(List.of("BRK.B", "SPY")));

        CollectionRequest csvUpToNow =
                new CollectionRequest(
                        HistorySourceName.CSV,
                        List.of("AAPL"),
                        BarSize.SEC_5,
                        null,
                        null,
                        true,
                        false,
                        WhatToShow.TRADES,
                        true,
                        42L);
        assertEquals(
                csvUpToNow, new CollectionJob(csvUpToNow, "bob", CREATED).request(List.of("AAPL")));
    }

    @Test
    void anExecutionBeginningMakesItStartedAndKeepsTheCountsBeforeIt() {
        CollectionJob job = fresh();
        job.launched(7, CREATED);
        assertEquals(7L, job.executionId());
        assertEquals(JobStatus.STARTING, job.status());
        job.executing(7, 1200, 12, LATER);
        assertEquals(JobStatus.STARTED, job.status());
        assertEquals(7L, job.executionId());
        assertEquals(LATER, job.executionStarted());
        assertEquals(1200, job.barsBeforeExecution());
        assertEquals(12, job.windowsBeforeExecution());
        assertEquals(LATER, job.updatedAt());
    }

    @Test
    void aCollectionAskedToStopBeforeItsExecutionBeganStaysStopping() {
        CollectionJob job = fresh();
        job.stopping(LATER);
        job.executing(1, 0, 0, LATEST);
        assertEquals(JobStatus.STOPPING, job.status());
        assertEquals(LATEST, job.executionStarted());
    }

    @Test
    void aFinalCollectionCannotRunAgain() {
        assertThrows(
                IllegalStateException.class,
                () -> endedAs(JobStatus.COMPLETED).executing(2, 0, 0, LATEST));
        assertThrows(IllegalStateException.class, () -> abandoned().executing(2, 0, 0, LATEST));
    }

    @Test
    void itCanBeAskedToStopOnlyWhileRunning() {
        CollectionJob starting = fresh();
        starting.stopping(LATER);
        assertEquals(JobStatus.STOPPING, starting.status());
        assertEquals(LATER, starting.updatedAt());

        CollectionJob started = running();
        started.stopping(LATER);
        assertEquals(JobStatus.STOPPING, started.status());

        started.stopping(LATEST);
        assertEquals(JobStatus.STOPPING, started.status());

        for (JobStatus outcome :
                List.of(JobStatus.STOPPED, JobStatus.FAILED, JobStatus.COMPLETED)) {
            CollectionJob ended = endedAs(outcome);
            assertThrows(IllegalStateException.class, () -> ended.stopping(LATEST), outcome::name);
            assertEquals(outcome, ended.status());
        }
        CollectionJob gone = abandoned();
        assertThrows(IllegalStateException.class, () -> gone.stopping(LATEST));
    }

    @Test
    void anExecutionEndsAsTheRuntimeSaysWithItsError() {
        CollectionJob job = running();
        job.ended(JobStatus.FAILED, "MSFT: the source refused", LATER);
        assertEquals(JobStatus.FAILED, job.status());
        assertEquals("MSFT: the source refused", job.lastError());
        assertEquals(LATER, job.endedAt());
        assertEquals(LATER, job.updatedAt());
    }

    @Test
    void anExecutionNeverEndsInARunningState() {
        for (JobStatus state : List.of(JobStatus.STARTING, JobStatus.STARTED, JobStatus.STOPPING)) {
            CollectionJob job = running();
            assertThrows(
                    IllegalArgumentException.class,
                    () -> job.ended(state, null, LATER),
                    state::name);
            assertEquals(JobStatus.STARTED, job.status());
            assertNull(job.endedAt());
        }
    }

    @Test
    void aLateEndChangesNothingOnceTheCollectionIsFinal() {
        CollectionJob completed = endedAs(JobStatus.COMPLETED);
        completed.ended(JobStatus.FAILED, "a late failure", LATEST);
        assertEquals(JobStatus.COMPLETED, completed.status());
        assertEquals(LATER, completed.endedAt());
        assertEquals(LATER, completed.updatedAt());
        assertNull(completed.lastError());

        CollectionJob gone = abandoned();
        gone.ended(JobStatus.STOPPED, null, LATEST);
        assertEquals(JobStatus.ABANDONED, gone.status());
    }

    @Test
    void aVeryLongErrorIsShortenedToAThousandCharactersEndingInAnEllipsis() {
        CollectionJob job = running();
        job.ended(JobStatus.FAILED, "x".repeat(1500), LATER);
        assertEquals("x".repeat(999) + "…", job.lastError());

        CollectionJob exact = running();
        exact.failedWith("y".repeat(1000), LATER);
        assertEquals("y".repeat(1000), exact.lastError());
    }

    @Test
    void aStoppedOrFailedCollectionIsAbandonedKeepingWhenItEnded() {
        for (JobStatus outcome : List.of(JobStatus.STOPPED, JobStatus.FAILED)) {
            CollectionJob job = endedAs(outcome);
            job.abandon(LATEST);
            assertEquals(JobStatus.ABANDONED, job.status());
            assertEquals(LATER, job.endedAt(), outcome.name());
            assertEquals(LATEST, job.updatedAt());
        }
    }

    @Test
    void aRunningCollectionMustBeStoppedBeforeItIsAbandoned() {
        CollectionJob starting = fresh();
        assertThrows(IllegalStateException.class, () -> starting.abandon(LATER));
        CollectionJob started = running();
        assertThrows(IllegalStateException.class, () -> started.abandon(LATER));
        started.stopping(LATER);
        assertThrows(IllegalStateException.class, () -> started.abandon(LATER));
        assertEquals(JobStatus.STOPPING, started.status());
    }

    @Test
    void aCompletedCollectionCannotBeAbandoned() {
        CollectionJob completed = endedAs(JobStatus.COMPLETED);
        assertThrows(IllegalStateException.class, () -> completed.abandon(LATEST));
        assertEquals(JobStatus.COMPLETED, completed.status());
    }

    @Test
    void aStoppedOrFailedCollectionRestartsAsStartingAndNoLongerEnded() {
        for (JobStatus outcome : List.of(JobStatus.STOPPED, JobStatus.FAILED)) {
            CollectionJob job = endedAs(outcome);
            job.restarting(LATEST);
            assertEquals(JobStatus.STARTING, job.status(), outcome.name());
            assertNull(job.endedAt());
            assertEquals(LATEST, job.updatedAt());
        }
    }

    @Test
    void oneLeftRunningByADeadServerCanBeRestarted() {
        CollectionJob job = running();
        job.restarting(LATEST);
        assertEquals(JobStatus.STARTING, job.status());
    }

    @Test
    void aFinalCollectionCannotBeRestarted() {
        CollectionJob completed = endedAs(JobStatus.COMPLETED);
        assertThrows(IllegalStateException.class, () -> completed.restarting(LATEST));
        assertEquals(JobStatus.COMPLETED, completed.status());
        CollectionJob gone = abandoned();
        assertThrows(IllegalStateException.class, () -> gone.restarting(LATEST));
        assertEquals(JobStatus.ABANDONED, gone.status());
    }

    @Test
    void aRestartedCollectionRunsInItsNewExecutionFromTheCountsSoFar() {
        CollectionJob job = endedAs(JobStatus.STOPPED);
        job.restarting(LATEST);
        job.launched(2, LATEST);
        job.executing(2, 5000, 40, LATEST);
        assertEquals(JobStatus.STARTED, job.status());
        assertEquals(2L, job.executionId());
        assertEquals(5000, job.barsBeforeExecution());
        assertEquals(40, job.windowsBeforeExecution());
        assertNull(job.endedAt());
    }
}

package org.tickerdesk.tasks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.tasks.entity.RegisteredTask;
import org.tickerdesk.tasks.entity.RunOutcome;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskChange;
import org.tickerdesk.tasks.entity.TaskChanged;
import org.tickerdesk.tasks.entity.TaskFailing;
import org.tickerdesk.testing.FixedLeadership;
import org.tickerdesk.testing.FixedLeadership.Leader;
import org.tickerdesk.testing.RecordingEvent;

/**
 * The scheduling rules: runs of one task never overlap (a scheduled run due meanwhile is skipped
 * and counted, a manual one refused), a run past its time limit is interrupted and recorded as
 * timed out, a task that fails three times in a row is reported failing once per streak, only the
 * cluster's leader runs tasks, and a scheduled run is keyed by its slot: a slot another member
 * claimed is left out and counted, and no slot runs twice.
 */
class TaskRunnerTest {

    private static final Instant NOW = Instant.parse("2025-11-20T14:30:00Z");

    private final List<TaskChanged> changes = new CopyOnWriteArrayList<>();
    private final List<TaskFailing> reported = new CopyOnWriteArrayList<>();
    private final MemoryStore store = new MemoryStore();
    private final TaskRunner runner = new TaskRunner();
    private final FixedLeadership leadership = new FixedLeadership(Leader.THIS_MEMBER);

    /** Keeps the rows in memory and fires as the real store does, the rule being the row's. */
    private final class MemoryStore extends TaskStore {
        final Map<String, RegisteredTask> rows = new ConcurrentHashMap<>();
        final List<RunResult> recorded = new CopyOnWriteArrayList<>();
        final Map<String, String> slots = new ConcurrentHashMap<>();
        volatile boolean claimsFail;

        /** As the table's primary key does: one claim per task and slot. */
        @Override
        public synchronized Claim claim(
                String name, Instant slot, String member, Duration interval) {
            if (claimsFail) {
                throw new IllegalStateException("The database does not answer");
            }
            RegisteredTask row = rows.get(name);
            if (!row.enabled()) {
                return Claim.PAUSED;
            }
            if (slots.putIfAbsent(name + "@" + slot, member) != null) {
                row.slotTaken(NOW);
                return Claim.TAKEN;
            }
            return Claim.CLAIMED;
        }

        @Override
        public synchronized RegisteredTask recorded(String name, RunResult run, int threshold) {
            RegisteredTask row = rows.get(name);
            recorded.add(run);
            if (row.record(run, threshold, NOW)) {
                failing.fire(new TaskFailing(name, row.consecutiveFailures(), run.error(), NOW));
            }
            return row;
        }

        @Override
        public synchronized RegisteredTask skipped(String name) {
            RegisteredTask row = rows.get(name);
            row.skip(NOW);
            return row;
        }

        @Override
        public Optional<RegisteredTask> find(String name) {
            return Optional.ofNullable(rows.get(name));
        }
    }

    /** A task whose runs do what the test says. */
    private static final class Job implements ScheduledTask {
        final String name;
        final Duration limit;
        volatile ThrowingRunnable body = () -> {};

        interface ThrowingRunnable {
            void run() throws Exception;
        }

        Job(String name, Duration limit) {
            this.name = name;
            this.limit = limit;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "a test job";
        }

        @Override
        public Duration defaultInterval() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration timeLimit() {
            return limit;
        }

        @Override
        public void run() throws Exception {
            body.run();
        }
    }

    private Job register(String name, Duration limit) {
        Job job = new Job(name, limit);
        runner.registry = new TaskRegistry();
        runner.registry.tasks = TaskRegistry.byName(List.of(job));
        store.rows.put(name, new RegisteredTask(name, NOW));
        store.failing = new RecordingEvent<>(reported);
        runner.store = store;
        runner.changed = new RecordingEvent<>(changes);
        runner.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        runner.leadership = leadership;
        runner.executor = Executors.newCachedThreadPool();
        runner.watchdog = Executors.newSingleThreadScheduledExecutor();
        return job;
    }

    @AfterEach
    void stop() {
        if (runner.executor != null) {
            runner.stop();
        }
    }

    @Test
    void aTimerFiringOnAMemberThatDoesNotLeadRunsNothingAndCountsNothing() throws Exception {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        job.body = runs::incrementAndGet;
        leadership.set(Leader.ANOTHER_MEMBER);

        assertFalse(runner.due("cluster-job", TaskRunner.Trigger.SCHEDULE));
        Thread.sleep(100);

        assertEquals(0, runs.get());
        RegisteredTask row = store.rows.get("cluster-job");
        assertEquals(0, row.runs());
        assertEquals(0, row.skipped());
        assertEquals(0, row.failures());
        assertEquals(List.of(), changes, "nothing to tell: the leader runs it");
        assertFalse(runner.isRunning("cluster-job"));
    }

    @Test
    void theTaskRunsAgainOnTheMemberThatTookTheLead() throws Exception {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        job.body = runs::incrementAndGet;
        leadership.set(Leader.ANOTHER_MEMBER);
        assertFalse(runner.due("cluster-job", TaskRunner.Trigger.SCHEDULE));

        leadership.set(Leader.THIS_MEMBER);

        assertTrue(runner.due("cluster-job", TaskRunner.Trigger.SCHEDULE));
        awaitRecorded(1);
        assertEquals(1, runs.get());
        assertEquals(1, store.rows.get("cluster-job").runs());
    }

    @Test
    void runNowOnAMemberThatDoesNotLeadIsRefusedNamingTheLeader() {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        job.body = runs::incrementAndGet;
        leadership.set(Leader.ANOTHER_MEMBER);

        ProblemException refused =
                assertThrows(
                        ProblemException.class,
                        () -> runner.due("cluster-job", TaskRunner.Trigger.MANUAL));

        assertEquals(409, refused.status());
        assertEquals("not_leader", refused.code());
        assertEquals(
                "Task cluster-job runs on the cluster's leader at 127.0.0.1:6900; ask it there",
                refused.detail());
        assertEquals(0, runs.get());
    }

    @Test
    void aTaskShowsTheLeaderAsWhereItRunsAndNoneWhileNoMemberLeads() {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        RegisteredTask row = store.rows.get("cluster-job");

        assertEquals(FixedLeadership.SELF, runner.snapshot(job, row).runsOn());
        leadership.set(Leader.ANOTHER_MEMBER);
        assertEquals(FixedLeadership.OTHER, runner.snapshot(job, row).runsOn());
        leadership.set(Leader.NONE);
        assertNull(runner.snapshot(job, row).runsOn());
    }

    @Test
    void aScheduledRunDueWhileTheLastStillRunsIsSkippedAndCounted() throws Exception {
        Job job = register("slow-job", Duration.ofMinutes(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        job.body =
                () -> {
                    most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    started.countDown();
                    release.await();
                    concurrent.decrementAndGet();
                };

        assertTrue(runner.due("slow-job", TaskRunner.Trigger.SCHEDULE));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertFalse(runner.due("slow-job", TaskRunner.Trigger.SCHEDULE));
        assertFalse(runner.due("slow-job", TaskRunner.Trigger.SCHEDULE));
        assertTrue(runner.isRunning("slow-job"));
        release.countDown();
        awaitRecorded(1);

        RegisteredTask row = store.rows.get("slow-job");
        assertEquals(2, row.skipped());
        assertEquals(1, row.runs());
        assertEquals(1, most.get(), "never two runs at once");
        assertEquals(2, changes.stream().filter(c -> c.change() == TaskChange.SKIPPED).count());
        awaitIdle("slow-job");
        assertTrue(runner.due("slow-job", TaskRunner.Trigger.SCHEDULE), "runs again once done");
        awaitRecorded(2);
    }

    @Test
    void aManualRunWhileOneRunsIsRefusedAndNotCountedAsSkipped() throws Exception {
        Job job = register("slow-job", Duration.ofMinutes(1));
        CountDownLatch release = new CountDownLatch(1);
        job.body = release::await;

        assertTrue(runner.due("slow-job", TaskRunner.Trigger.SCHEDULE));
        assertFalse(runner.due("slow-job", TaskRunner.Trigger.MANUAL));
        release.countDown();
        awaitRecorded(1);

        assertEquals(0, store.rows.get("slow-job").skipped());
        assertFalse(store.recorded.get(0).manual());
    }

    @Test
    void aRunPastItsTimeLimitIsInterruptedAndRecordedAsTimedOut() throws Exception {
        Job job = register("hanging-job", Duration.ofMillis(300));
        CountDownLatch interrupted = new CountDownLatch(1);
        job.body =
                () -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                };

        assertTrue(runner.due("hanging-job", TaskRunner.Trigger.MANUAL));
        awaitRecorded(1);

        RunResult run = store.recorded.get(0);
        assertEquals(RunOutcome.TIMED_OUT, run.outcome());
        assertTrue(run.manual());
        assertTrue(run.error().contains("time limit"), run.error());
        assertTrue(run.stackTrace().contains("sleep"), "where it hung: " + run.stackTrace());
        assertTrue(run.duration().compareTo(Duration.ofMillis(300)) >= 0, run.toString());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the run's thread was interrupted");
        RegisteredTask row = store.rows.get("hanging-job");
        assertEquals(1, row.failures());
        assertEquals(1, row.consecutiveFailures());
        awaitIdle("hanging-job");
        Thread.sleep(100);
        assertEquals(1, store.recorded.size(), "the interrupted run is not recorded twice");
    }

    @Test
    void aRunThatIgnoresItsInterruptStillBlocksTheNextUntilItReturns() throws Exception {
        Job job = register("stubborn-job", Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        job.body =
                () -> {
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException ignored) {
                            // this job does not stop when asked
                        }
                    }
                };

        assertTrue(runner.due("stubborn-job", TaskRunner.Trigger.SCHEDULE));
        awaitRecorded(1);
        assertEquals(RunOutcome.TIMED_OUT, store.recorded.get(0).outcome());
        assertFalse(runner.due("stubborn-job", TaskRunner.Trigger.SCHEDULE));
        assertEquals(1, store.rows.get("stubborn-job").skipped());

        assertTrue(
                changes.stream()
                        .filter(c -> c.change() == TaskChange.RAN)
                        .allMatch(c -> c.task().running()),
                "recorded while its thread still runs");

        release.countDown();
        awaitIdle("stubborn-job");
        awaitChange(TaskChange.STOPPED);
        assertFalse(
                changes.stream()
                        .filter(c -> c.change() == TaskChange.STOPPED)
                        .findFirst()
                        .orElseThrow()
                        .task()
                        .running());
        assertTrue(runner.due("stubborn-job", TaskRunner.Trigger.SCHEDULE));
    }

    @Test
    void aFailureIsRecordedWithItsMessageAndStackTrace() throws Exception {
        Job job = register("broken-job", Duration.ofMinutes(1));
        job.body =
                () -> {
                    throw new IllegalStateException("TWS is not connected");
                };

        runner.due("broken-job", TaskRunner.Trigger.SCHEDULE);
        awaitRecorded(1);
        // the run is told once it is recorded, on the run's thread
        awaitChange(TaskChange.RAN);

        RunResult run = store.recorded.get(0);
        assertEquals(RunOutcome.FAILED, run.outcome());
        assertEquals("IllegalStateException: TWS is not connected", run.error());
        assertTrue(
                run.stackTrace().startsWith("java.lang.IllegalStateException: TWS is not"),
                run.stackTrace());
        TaskChanged ran =
                changes.stream().filter(c -> c.change() == TaskChange.RAN).findFirst().get();
        assertEquals(1, ran.task().failures());
        assertFalse(ran.task().running(), "the run that ended is told as not running");
        assertEquals("IllegalStateException: TWS is not connected", ran.task().lastRun().error());
    }

    @Test
    void threeFailuresInARowAreReportedOnceUntilASuccessEndsTheStreak() throws Exception {
        Job job = register("flaky-job", Duration.ofMinutes(1));
        boolean[] fails = {true, true, true, true, false, true, true, true};
        for (int i = 0; i < fails.length; i++) {
            boolean fail = fails[i];
            job.body =
                    () -> {
                        if (fail) {
                            throw new IllegalStateException("down");
                        }
                    };
            awaitIdle("flaky-job");
            assertTrue(runner.due("flaky-job", TaskRunner.Trigger.SCHEDULE));
            awaitRecorded(i + 1);
        }

        assertEquals(2, reported.size(), reported.toString());
        assertEquals(3, reported.get(0).consecutiveFailures());
        assertEquals("flaky-job", reported.get(0).name());
        assertEquals("IllegalStateException: down", reported.get(0).lastError());
        assertEquals(3, reported.get(1).consecutiveFailures());
        RegisteredTask row = store.rows.get("flaky-job");
        assertEquals(8, row.runs());
        assertEquals(7, row.failures());
        assertEquals(3, row.consecutiveFailures());
    }

    @Test
    void anUnknownTaskIsTheApisNotFound() {
        register("some-job", Duration.ofMinutes(1));
        var problem =
                org.junit.jupiter.api.Assertions.assertThrows(
                        org.tickerdesk.platform.control.ProblemException.class,
                        () -> runner.due("no-such-job", TaskRunner.Trigger.MANUAL));
        assertEquals(404, problem.status());
        assertEquals("unknown_task", problem.code());
        assertNull(store.rows.get("no-such-job"));
    }

    private static final Instant SLOT = Instant.parse("2025-11-20T14:30:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @Test
    void aSlotAnotherMemberClaimedIsLeftOutAndCountedNotFailed() throws Exception {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        job.body = runs::incrementAndGet;
        store.slots.put("cluster-job@" + SLOT, "other");

        assertFalse(runner.due("cluster-job", SLOT, INTERVAL));

        awaitChange(TaskChange.SKIPPED);
        RegisteredTask row = store.rows.get("cluster-job");
        assertEquals(1, row.slotsTaken());
        assertEquals(0, row.runs());
        assertEquals(0, row.failures());
        assertEquals(0, row.skipped(), "not the skip of a run that overlaps its last");
        assertEquals(0, runs.get());
        assertFalse(runner.isRunning("cluster-job"));
        assertEquals(1, changes.get(0).task().slotsTaken());
    }

    @Test
    void aSlotRunsOnceHoweverOftenItsTimerFiresForIt() throws Exception {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        job.body = runs::incrementAndGet;

        assertTrue(runner.due("cluster-job", SLOT, INTERVAL));
        awaitRecorded(1);
        awaitIdle("cluster-job");
        assertFalse(runner.due("cluster-job", SLOT, INTERVAL), "a late firing of the same slot");
        assertTrue(runner.due("cluster-job", SLOT.plus(INTERVAL), INTERVAL), "the next slot");
        awaitRecorded(2);

        assertEquals(2, runs.get());
        assertEquals(1, store.rows.get("cluster-job").slotsTaken());
    }

    @Test
    void aScheduledRunsRecordNamesItsSlotAndTheMemberThatRanIt() throws Exception {
        register("cluster-job", Duration.ofMinutes(1));

        assertTrue(runner.due("cluster-job", SLOT, INTERVAL));
        awaitRecorded(1);

        assertEquals(SLOT, store.recorded.get(0).slot());
        assertEquals("self", store.recorded.get(0).member());
        assertEquals("self", store.slots.get("cluster-job@" + SLOT));
    }

    @Test
    void aRunNowHasNoSlot() throws Exception {
        register("cluster-job", Duration.ofMinutes(1));

        assertTrue(runner.due("cluster-job", TaskRunner.Trigger.MANUAL));
        awaitRecorded(1);

        assertNull(store.recorded.get(0).slot());
        assertEquals("self", store.recorded.get(0).member());
        assertEquals(Map.of(), store.slots);
    }

    @Test
    void aPausedTasksSlotIsNotRunNorCountedWhenAFollowersTimerStillFires() throws Exception {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        job.body = runs::incrementAndGet;
        store.rows.get("cluster-job").enable(false, NOW);

        assertFalse(runner.due("cluster-job", SLOT, INTERVAL));

        assertEquals(0, runs.get());
        assertEquals(0, store.rows.get("cluster-job").slotsTaken());
        assertEquals(List.of(), changes);
        assertFalse(runner.isRunning("cluster-job"));
    }

    @Test
    void aMemberOfAClusterThatCannotClaimTheSlotDoesNotRunIt() throws Exception {
        Job job = register("cluster-job", Duration.ofMinutes(1));
        AtomicInteger runs = new AtomicInteger();
        job.body = runs::incrementAndGet;
        store.claimsFail = true;

        assertFalse(runner.due("cluster-job", SLOT, INTERVAL));

        assertEquals(0, runs.get());
        assertFalse(runner.isRunning("cluster-job"));
        store.claimsFail = false;
        assertTrue(runner.due("cluster-job", SLOT, INTERVAL), "claimed once the database answers");
    }

    private void awaitRecorded(int runs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.recorded.size() < runs) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("recorded " + store.recorded);
            }
            Thread.sleep(5);
        }
    }

    private void awaitChange(TaskChange change) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (changes.stream().noneMatch(c -> c.change() == change)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + change + " in " + changes);
            }
            Thread.sleep(5);
        }
    }

    private void awaitIdle(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.isRunning(name)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " still runs");
            }
            Thread.sleep(5);
        }
    }
}

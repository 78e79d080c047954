package org.tickerdesk.tasks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.tasks.control.ScheduledTask;
import org.tickerdesk.tasks.control.TaskStore;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.RunOutcome;
import org.tickerdesk.tasks.entity.TaskFailing;
import org.tickerdesk.tasks.entity.TaskSnapshot;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.testing.container.TimerProbe;
import org.tickerdesk.testing.container.TimerProbe.TimerFacts;

/**
 * What only the container proves: every registered task, the application's and two deployed with
 * this test, has one non-persistent interval timer named after it that really runs it; a pause is
 * stored and takes the timer away; a new interval makes the timer again; and {@link TaskFailing} is
 * observed inside the transaction that records the third failure in a row.
 */
@ExtendWith(ArquillianExtension.class)
class TasksContainerIT {

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    /** Counts its runs; every second. */
    @ApplicationScoped
    public static class CountingTask implements ScheduledTask {
        static final AtomicInteger RUNS = new AtomicInteger();

        @Override
        public String name() {
            return "container-counting";
        }

        @Override
        public String description() {
            return "counts its runs";
        }

        @Override
        public Duration defaultInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public void run() {
            RUNS.incrementAndGet();
        }
    }

    /** Fails while {@link #fail} is set; once a week unless run now. */
    @ApplicationScoped
    public static class FailingTask implements ScheduledTask {
        static volatile boolean fail = true;

        @Override
        public String name() {
            return "container-failing";
        }

        @Override
        public String description() {
            return "always fails";
        }

        @Override
        public Duration defaultInterval() {
            return Duration.ofDays(7);
        }

        @Override
        public void run() {
            if (fail) {
                throw new IllegalStateException("the failing task failed");
            }
        }
    }

    /** Notes each TaskFailing and whether a transaction was active when it came. */
    @ApplicationScoped
    public static class FailingObserver {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Resource TransactionSynchronizationRegistry transactions;

        void seen(@Observes TaskFailing failing) {
            SEEN.add(
                    failing.name()
                            + " "
                            + failing.consecutiveFailures()
                            + " "
                            + (transactions.getTransactionStatus() == Status.STATUS_ACTIVE));
        }
    }

    @Inject TimerProbe timers;

    @Inject TaskScheduler scheduler;

    @Inject Tasks tasks;

    @Inject TaskStore store;

    @Test
    void everyTaskHasOneNonPersistentIntervalTimerNamedAfterIt() {
        Set<String> names =
                tasks.list().stream().map(TaskSnapshot::name).collect(Collectors.toSet());
        assertTrue(
                names.containsAll(
                        Set.of(
                                "exit-sweep",
                                "subscription-cleanup",
                                "collection-cleanup",
                                "tick-retention",
                                "container-counting",
                                "container-failing")),
                names.toString());
        for (String name : names) {
            List<TimerFacts> named = timersOf(name);
            assertEquals(1, named.size(), name + ": " + timers.all());
            assertFalse(named.get(0).persistent());
            assertFalse(named.get(0).calendar());
        }
    }

    @Test
    void theTimerRunsTheTaskAndAPauseIsStoredAndStopsIt() throws InterruptedException {
        int before = CountingTask.RUNS.get();
        await(() -> CountingTask.RUNS.get() >= before + 2, Duration.ofSeconds(10));
        await(() -> tasks.get("container-counting").runs() >= 2, Duration.ofSeconds(5));

        scheduler.pause("container-counting");
        try {
            assertFalse(store.find("container-counting").orElseThrow().enabled());
            assertTrue(timersOf("container-counting").isEmpty(), timers.all().toString());
            Thread.sleep(300);
            int paused = CountingTask.RUNS.get();
            Thread.sleep(2_500);
            assertEquals(paused, CountingTask.RUNS.get(), "no run while paused");
        } finally {
            scheduler.resume("container-counting");
        }
        assertEquals(1, timersOf("container-counting").size());
        int resumed = CountingTask.RUNS.get();
        await(() -> CountingTask.RUNS.get() > resumed, Duration.ofSeconds(5));
    }

    @Test
    void anotherIntervalIsStoredAndMakesTheTimerAgain() {
        try {
            scheduler.reschedule("container-failing", Duration.ofSeconds(30));

            List<TimerFacts> timer = timersOf("container-failing");
            assertEquals(1, timer.size(), timers.all().toString());
            assertTrue(
                    timer.get(0).millisToNext() > 0 && timer.get(0).millisToNext() <= 30_000,
                    "next in " + timer.get(0).millisToNext() + " ms");
            assertEquals(
                    Duration.ofSeconds(30),
                    store.find("container-failing").orElseThrow().interval().orElseThrow());
            assertEquals(Duration.ofSeconds(30), tasks.get("container-failing").interval());
        } finally {
            scheduler.reschedule("container-failing", Duration.ofDays(7));
        }
    }

    @Test
    void theThirdFailureInARowIsToldOnceInsideItsTransaction() throws InterruptedException {
        FailingTask.fail = false;
        runNowAndWait();
        assertEquals(0, tasks.get("container-failing").consecutiveFailures());
        FailingObserver.SEEN.clear();

        FailingTask.fail = true;
        for (int i = 0; i < 4; i++) {
            runNowAndWait();
        }

        TaskSnapshot task = tasks.get("container-failing");
        assertEquals(RunOutcome.FAILED, task.lastRun().outcome());
        assertEquals("IllegalStateException: the failing task failed", task.lastRun().error());
        assertEquals(4, task.consecutiveFailures());
        assertEquals(List.of("container-failing 3 true"), FailingObserver.SEEN);
        assertTrue(
                store.history("container-failing", 50)
                        .get(0)
                        .stackTrace()
                        .contains("FailingTask.run"));
    }

    private void runNowAndWait() throws InterruptedException {
        long runs = tasks.get("container-failing").runs();
        scheduler.runNow("container-failing");
        await(
                () -> {
                    TaskSnapshot task = tasks.get("container-failing");
                    return task.runs() > runs && !task.running();
                },
                Duration.ofSeconds(10));
    }

    private List<TimerFacts> timersOf(String name) {
        return timers.all().stream().filter(t -> name.equals(t.info())).toList();
    }

    private static void await(BooleanSupplier done, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + patience);
            }
            Thread.sleep(50);
        }
    }
}

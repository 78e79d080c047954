package org.tickerdesk.tasks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.tasks.entity.RegisteredTask;
import org.tickerdesk.tasks.entity.RunOutcome;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskChange;
import org.tickerdesk.tasks.entity.TaskChanged;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/**
 * Runs tasks when they are due: each run on a managed thread, never two runs of one task at once (a
 * run due while the last still runs is skipped and counted), each within its time limit (a watchdog
 * interrupts one that outlasts it and records it as timed out). Whoever calls {@link #due} returns
 * at once: the EJB timer's thread never waits for a task. It also keeps when each task's timer
 * fires next, which only the timer knows.
 *
 * <p>Every task is the cluster's: it runs only on the member that leads. A follower's timers keep
 * firing, so that it takes over the schedule the moment it leads, but their runs are left out, not
 * counted as skipped or failed. A scheduled run is keyed by its slot ({@link TaskSlots}): the
 * member claims the slot in the database before it runs it, so two members that both believe they
 * lead (a frozen leader that wakes up) never run one slot twice; the second finds it taken, leaves
 * it out and counts it. A slot that passed while no member led is not run late: the schedule goes
 * on with the next one.
 */
@ApplicationScoped
public class TaskRunner {

    static final int DEFAULT_THRESHOLD = 3;

    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

    @Inject TaskRegistry registry;

    @Inject TaskStore store;

    @Inject Event<TaskChanged> changed;

    @Inject Clock clock;

    @Inject Leadership leadership;

    @Resource ManagedThreadFactory threads;

    /**
     * Runs the tasks. Unless a test set it, a pool of managed threads of the runner's own: the
     * server's shared executor may be sized to run one thing at a time, and a daily cleanup must
     * never hold back the exit sweep.
     */
    ExecutorService executor;

    /** Ends runs that outlast their limit; unless a test set it, one managed thread. */
    ScheduledExecutorService watchdog;

    @Inject
    @ConfigProperty(name = "tickerdesk.tasks.failure-threshold", defaultValue = "3")
    int failureThreshold = DEFAULT_THRESHOLD;

    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();

    /** Why a run is started. */
    public enum Trigger {
        SCHEDULE,
        MANUAL
    }

    /** One run in progress: whichever of its end and its watchdog comes first records it. */
    private static final class Run {
        final String name;
        final Instant startedAt;
        final long startNanos = System.nanoTime();
        final boolean manual;
        final Instant slot;
        final String member;
        final AtomicBoolean recorded = new AtomicBoolean();
        volatile Thread thread;
        volatile Future<?> future;

        Run(String name, Instant startedAt, boolean manual, Instant slot, String member) {
            this.name = name;
            this.startedAt = startedAt;
            this.manual = manual;
            this.slot = slot;
            this.member = member;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    /**
     * Starts a run of the task unless one is going on: then a scheduled run is skipped and counted,
     * and a manual one refused. On a member that does not lead a scheduled run is left out quietly
     * and a manual one refused: the leader runs the cluster's tasks.
     *
     * @return whether a run started
     * @throws org.tickerdesk.platform.control.ProblemException 409 ({@code not_leader}) for a
     *     manual run on a member that does not lead
     */
    public boolean due(String name, Trigger trigger) {
        return due(name, trigger, null, null);
    }

    /**
     * As {@link #due(String, Trigger)}, for the schedule's run of one slot: it starts only if this
     * member claims the slot; one another member claimed is left out and counted, and so is every
     * slot of a paused task (a follower's timer of a task paused on the leader still fires).
     *
     * @param interval the task's interval in force, which says how long slots are kept
     */
    public boolean due(String name, Instant slot, Duration interval) {
        return due(name, Trigger.SCHEDULE, slot, interval);
    }

    private boolean due(String name, Trigger trigger, Instant slot, Duration interval) {
        ScheduledTask task = registry.get(name);
        if (!leadership.leading()) {
            if (trigger == Trigger.MANUAL) {
                throw TaskProblems.notLeader(name, runsOn());
            }
            return false;
        }
        AtomicBoolean busy = running.computeIfAbsent(name, n -> new AtomicBoolean());
        if (!busy.compareAndSet(false, true)) {
            if (trigger == Trigger.SCHEDULE) {
                announce(store.skipped(name), TaskChange.SKIPPED);
            }
            return false;
        }
        String member = member();
        if (slot != null && !claimed(name, slot, member, interval)) {
            busy.set(false);
            return false;
        }
        Run run = new Run(name, clock.instant(), trigger == Trigger.MANUAL, slot, member);
        Duration limit;
        try {
            limit = task.timeLimit();
            run.future = executor.submit(() -> execute(task, run, busy));
        } catch (RuntimeException e) {
            busy.set(false);
            finish(run, RunOutcome.FAILED, e);
            return false;
        }
        watchdog.schedule(() -> timeOut(task, run), limit.toMillis(), TimeUnit.MILLISECONDS);
        announce(TaskChange.STARTED, name);
        return true;
    }

    /**
     * Whether this member may run the slot. Where the claim cannot be made (the database fails), a
     * member of a cluster leaves the slot out, as it cannot know that no other runs it; a server
     * alone runs it.
     */
    private boolean claimed(String name, Instant slot, String member, Duration interval) {
        TaskStore.Claim claim;
        try {
            claim = store.claim(name, slot, member, interval);
        } catch (RuntimeException e) {
            boolean alone = !leadership.clustered();
            LOG.log(
                    Level.WARNING,
                    e,
                    () ->
                            "The slot "
                                    + slot
                                    + " of "
                                    + name
                                    + " could not be claimed"
                                    + (alone ? "; it runs, this server being alone" : "; not run"));
            return alone;
        }
        if (claim == TaskStore.Claim.TAKEN) {
            LOG.fine(() -> "The slot " + slot + " of " + name + " was taken by another member");
            announce(TaskChange.SKIPPED, name);
        }
        return claim == TaskStore.Claim.CLAIMED;
    }

    /** This member's id in the cluster, as the slots and the runs record it. */
    private String member() {
        return leadership.view().local().map(ClusterMember::uuid).orElse("unknown");
    }

    public boolean isRunning(String name) {
        AtomicBoolean busy = running.get(name);
        return busy != null && busy.get();
    }

    /** When the task's timer fires next; {@code null} while it has none (paused). */
    public void nextRun(String name, Instant at) {
        if (at == null) {
            nextRuns.remove(name);
        } else {
            nextRuns.put(name, at);
        }
    }

    public Optional<Instant> nextRun(String name) {
        return Optional.ofNullable(nextRuns.get(name));
    }

    public int failureThreshold() {
        return Math.max(1, failureThreshold);
    }

    /**
     * The task with its stored settings and counters and what only this server knows: whether it
     * runs now, when it runs next.
     */
    public TaskSnapshot snapshot(ScheduledTask task, RegisteredTask row) {
        return snapshot(task, row, isRunning(task.name()));
    }

    private TaskSnapshot snapshot(ScheduledTask task, RegisteredTask row, boolean running) {
        Duration interval = row.interval().orElse(task.defaultInterval());
        return new TaskSnapshot(
                task.name(),
                task.description(),
                interval,
                task.defaultInterval(),
                row.interval().isPresent(),
                task.timeLimit(),
                task.critical(),
                row.enabled(),
                running,
                row.runs(),
                row.failures(),
                row.skipped(),
                row.slotsTaken(),
                row.consecutiveFailures(),
                row.lastRun(),
                row.enabled() ? nextRuns.get(task.name()) : null,
                runsOn());
    }

    /** The leader's address: where the tasks run. */
    private String runsOn() {
        return leadership.leader().map(ClusterMember::address).orElse(null);
    }

    /** Fires {@link TaskChanged} with the task as stored now. */
    public void announce(TaskChange change, String name) {
        store.find(name).ifPresent(row -> announce(row, change));
    }

    void announce(RegisteredTask row, TaskChange change) {
        registry.find(row.name())
                .ifPresent(task -> changed.fire(new TaskChanged(snapshot(task, row), change)));
    }

    /** As above, saying whether the task runs: its flag is cleared only after this is told. */
    private void announce(RegisteredTask row, TaskChange change, boolean running) {
        registry.find(row.name())
                .ifPresent(
                        task ->
                                changed.fire(
                                        new TaskChanged(snapshot(task, row, running), change)));
    }

    private void execute(ScheduledTask task, Run run, AtomicBoolean busy) {
        run.thread = Thread.currentThread();
        Throwable failure = null;
        try {
            task.run();
        } catch (Exception | Error e) {
            failure = e;
        } finally {
            boolean recorded = false;
            try {
                recorded =
                        failure == null
                                ? finish(run, RunOutcome.SUCCEEDED, null)
                                : finish(run, RunOutcome.FAILED, failure);
            } finally {
                busy.set(false);
            }
            if (!recorded) {
                announce(TaskChange.STOPPED, run.name);
            }
        }
    }

    /**
     * The run outlasted its limit: it is recorded as timed out now, with where its thread was, and
     * interrupted. It still counts as running until its thread returns, so that no other run of the
     * task starts beside it.
     */
    private void timeOut(ScheduledTask task, Run run) {
        if (run.recorded.get()) {
            return;
        }
        Thread thread = run.thread;
        String where = thread == null ? null : trace(thread.getStackTrace());
        RunResult result =
                new RunResult(
                        run.startedAt,
                        run.elapsed(),
                        RunOutcome.TIMED_OUT,
                        "Ran longer than its time limit of "
                                + shown(task.timeLimit())
                                + " and was interrupted",
                        where,
                        run.manual);
        if (run.recorded.compareAndSet(false, true)) {
            Future<?> future = run.future;
            if (future != null) {
                future.cancel(true);
            }
            record(run, result, true);
        }
    }

    /**
     * @return whether this recorded the run, rather than its watchdog before
     */
    private boolean finish(Run run, RunOutcome outcome, Throwable failure) {
        if (!run.recorded.compareAndSet(false, true)) {
            return false;
        }
        RunResult result =
                failure == null
                        ? RunResult.succeeded(run.startedAt, run.elapsed(), run.manual)
                        : new RunResult(
                                run.startedAt,
                                run.elapsed(),
                                outcome,
                                message(failure),
                                trace(failure),
                                run.manual);
        record(run, result, false);
        return true;
    }

    /**
     * A record that cannot be written is logged and lost: the next run is recorded as usual, and a
     * failing database must not stop the tasks that may repair it.
     */
    private void record(Run run, RunResult finished, boolean stillRunning) {
        String name = run.name;
        RunResult result = finished.ran(run.slot, run.member);
        try {
            announce(
                    store.recorded(name, result, failureThreshold()), TaskChange.RAN, stillRunning);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The run of " + name + " could not be recorded");
        }
        if (result.outcome().isFailure()) {
            LOG.warning(() -> "Task " + name + " " + result.outcome() + ": " + result.error());
        }
    }

    private static String shown(Duration limit) {
        return limit.toMillis() % 1_000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    static String message(Throwable failure) {
        Throwable shown = failure;
        while ((shown.getMessage() == null || shown.getMessage().isBlank())
                && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank()
                ? shown.getClass().getName()
                : shown.getClass().getSimpleName() + ": " + message;
    }

    static String trace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    static String trace(StackTraceElement[] frames) {
        StringBuilder text = new StringBuilder("Where the run was when its time was up:\n");
        for (StackTraceElement frame : frames) {
            text.append("\tat ").append(frame).append('\n');
        }
        return text.toString();
    }

    @PostConstruct
    void start() {
        if (executor == null) {
            executor = Executors.newCachedThreadPool(threads);
        }
        if (watchdog == null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(threads);
        }
    }

    /** A run still going is interrupted: the server is stopping. */
    @PreDestroy
    void stop() {
        executor.shutdownNow();
        watchdog.shutdownNow();
    }
}

package org.tickerdesk.tasks.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.NoMoreTimeoutsException;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.LeadershipChanged;
import org.tickerdesk.tasks.control.FirstRun;
import org.tickerdesk.tasks.control.ScheduledTask;
import org.tickerdesk.tasks.control.TaskProblems;
import org.tickerdesk.tasks.control.TaskRegistry;
import org.tickerdesk.tasks.control.TaskRunner;
import org.tickerdesk.tasks.control.TaskSlots;
import org.tickerdesk.tasks.control.TaskStore;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.RegisteredTask;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskChange;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/**
 * Schedules every registered task on a programmatic, non-persistent EJB interval timer named after
 * it (a persistent one would live only in Payara Micro's data grid and be lost on restart; the
 * settings are in PostgreSQL), and is where the console's actions change them: run now, pause,
 * resume, another interval, each stored before its timer is made again. A timeout only hands the
 * run over to the {@link TaskRunner}: the timer's thread never waits for a task.
 *
 * <p>Every timer fires on its task's slots ({@link TaskSlots}), the multiples of its interval since
 * the epoch, on every member alike: its first firing is the first slot after the delay {@link
 * FirstRun} asks for. A firing hands its slot to the runner, which runs it only if this member
 * claims it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskScheduler {

    private static final Logger LOG = Logger.getLogger(TaskScheduler.class.getName());

    @Resource TimerService timers;

    @Inject TaskRegistry registry;

    @Inject TaskStore store;

    @Inject TaskRunner runner;

    @Inject Tasks tasks;

    @Inject Clock clock;

    @Inject Leadership leadership;

    @Inject LeaderInbox inbox;

    @Resource ManagedExecutorService executor;

    /** Where a member that does not lead tells the leader that a task's schedule changed. */
    static final String MAILBOX = "tasks";

    /** From now, the next slot: at most an interval away. */
    private static final Duration NEXT_SLOT = Duration.ofMillis(1);

    /** Each scheduled task's interval, as its timer has it. */
    private final Map<String, Duration> intervals = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        if (inbox.active()) {
            inbox.receive(MAILBOX, name -> resync());
        }
        store.register(registry.all().stream().map(ScheduledTask::name).toList());
        Map<String, RegisteredTask> rows =
                store.all().stream()
                        .collect(Collectors.toMap(RegisteredTask::name, Function.identity()));
        for (ScheduledTask task : registry.all()) {
            RegisteredTask row = rows.get(task.name());
            if (row.enabled()) {
                RunResult last = row.lastRun();
                Duration interval = row.interval().orElse(task.defaultInterval());
                Duration earliest =
                        FirstRun.delay(
                                last == null ? null : last.startedAt(), interval, clock.instant());
                // the first slot after a whole interval would be up to two intervals away: a task
                // never run, or run just now, takes the next slot, at most an interval away
                schedule(
                        task.name(),
                        earliest.compareTo(interval) < 0 ? earliest : NEXT_SLOT,
                        interval);
            }
        }
        LOG.info(() -> "Scheduled tasks: " + rows.keySet());
    }

    @Timeout
    void due(Timer timer) {
        String name = (String) timer.getInfo();
        runner.nextRun(name, nextTimeout(timer));
        Duration interval = intervals.get(name);
        if (interval == null) {
            return;
        }
        runner.due(name, TaskSlots.of(clock.instant(), interval), interval);
    }

    /**
     * Starts a run now, beside the schedule, also of a paused task.
     *
     * @throws org.tickerdesk.platform.control.ProblemException 409 ({@code task_running}) while the
     *     task runs
     */
    public TaskSnapshot runNow(String name) {
        registry.get(name);
        if (!runner.due(name, TaskRunner.Trigger.MANUAL)) {
            throw TaskProblems.running(name);
        }
        return tasks.get(name);
    }

    /** Stops the schedule, kept across restarts; a run going on is left to finish. */
    public synchronized TaskSnapshot pause(String name) {
        registry.get(name);
        store.enabled(name, false);
        cancel(name);
        tellLeader(name);
        runner.announce(TaskChange.PAUSED, name);
        return tasks.get(name);
    }

    /** Schedules the task again, its next run its next slot, at most an interval from now. */
    public synchronized TaskSnapshot resume(String name) {
        ScheduledTask task = registry.get(name);
        RegisteredTask row = store.enabled(name, true);
        cancel(name);
        Duration interval = row.interval().orElse(task.defaultInterval());
        schedule(name, NEXT_SLOT, interval);
        tellLeader(name);
        runner.announce(TaskChange.RESUMED, name);
        return tasks.get(name);
    }

    /**
     * Stores the interval and, unless the task is paused, makes its timer again: the next run is
     * the next slot of the new interval, at most that interval from now.
     */
    public synchronized TaskSnapshot reschedule(String name, Duration interval) {
        registry.get(name);
        RegisteredTask row = store.interval(name, interval);
        if (row.enabled()) {
            cancel(name);
            schedule(name, NEXT_SLOT, interval);
        }
        tellLeader(name);
        runner.announce(TaskChange.RESCHEDULED, name);
        return tasks.get(name);
    }

    /**
     * Makes the timers again where the stored schedule differs from theirs: on the member taking
     * the lead, and on the leader when another member paused, resumed or rescheduled a task (its
     * timers are the ones that run the tasks, and a change is made only on the member asked).
     */
    public synchronized void resync() {
        Map<String, RegisteredTask> rows =
                store.all().stream()
                        .collect(Collectors.toMap(RegisteredTask::name, Function.identity()));
        for (ScheduledTask task : registry.all()) {
            RegisteredTask row = rows.get(task.name());
            if (row == null) {
                continue;
            }
            Duration wanted = row.enabled() ? row.interval().orElse(task.defaultInterval()) : null;
            if (!Objects.equals(wanted, intervals.get(task.name()))) {
                cancel(task.name());
                if (wanted != null) {
                    schedule(task.name(), NEXT_SLOT, wanted);
                }
                LOG.info(() -> "The " + task.name() + " task follows the stored schedule again");
            }
        }
    }

    /** Off the leadership's thread, which must keep proving its lock. */
    public void leadershipChanged(@Observes LeadershipChanged change) {
        if (change.leading()) {
            executor.execute(this::resync);
        }
    }

    private void tellLeader(String name) {
        if (inbox.active() && !leadership.leading()) {
            inbox.post(MAILBOX, name);
        }
    }

    private void schedule(String name, Duration earliest, Duration interval) {
        intervals.put(name, interval);
        Duration first = TaskSlots.delay(clock.instant(), earliest, interval);
        Timer timer =
                timers.createIntervalTimer(
                        first.toMillis(), interval.toMillis(), new TimerConfig(name, false));
        runner.nextRun(name, nextTimeout(timer));
    }

    private void cancel(String name) {
        for (Timer timer : timers.getTimers()) {
            if (name.equals(timer.getInfo())) {
                try {
                    timer.cancel();
                } catch (NoSuchObjectLocalException gone) {
                    // it expired or was cancelled meanwhile: nothing left to cancel
                }
            }
        }
        runner.nextRun(name, null);
        intervals.remove(name);
    }

    private static Instant nextTimeout(Timer timer) {
        try {
            return timer.getNextTimeout().toInstant();
        } catch (IllegalStateException | NoMoreTimeoutsException | NoSuchObjectLocalException e) {
            return null;
        }
    }
}

package org.tickerdesk.tasks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskChange;
import org.tickerdesk.tasks.entity.TaskChanged;

/**
 * Publishes per task, tagged {@code task=<name>}, at {@code /metrics}: its runs, failures and
 * skipped runs since the server started (counters, so a scraper can take their rate and notices a
 * restart) and how long its runs take (a timer). The stored counters, which outlive restarts, are
 * the console's.
 */
@ApplicationScoped
public class TaskMetrics {

    static final Metadata RUNS =
            Metadata.builder()
                    .withName("tickerdesk_task_runs_total")
                    .withDescription("Runs of the task that ended, since the server started")
                    .build();

    static final Metadata FAILURES =
            Metadata.builder()
                    .withName("tickerdesk_task_failures_total")
                    .withDescription(
                            "Runs of the task that failed or outlasted their time limit, since"
                                    + " the server started")
                    .build();

    static final Metadata SKIPPED =
            Metadata.builder()
                    .withName("tickerdesk_task_skipped_total")
                    .withDescription(
                            "Runs of the task not started because the previous one still ran,"
                                    + " since the server started")
                    .build();

    /*
     * A counter of the time spent, not a timer: Payara exports a timer's mean and maximum as
     * series without a help text; the runs counter beside it gives the mean.
     */
    static final Metadata DURATION =
            Metadata.builder()
                    .withName("tickerdesk_task_run_milliseconds")
                    .withDescription(
                            "Time the task's ended runs took in all, in milliseconds, since the"
                                    + " server started")
                    .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    void count(@Observes TaskChanged changed) {
        Tag task = new Tag("task", changed.task().name());
        if (changed.change() == TaskChange.SKIPPED) {
            registry.counter(SKIPPED, task).inc();
            return;
        }
        RunResult run = changed.task().lastRun();
        if (changed.change() != TaskChange.RAN || run == null) {
            return;
        }
        registry.counter(RUNS, task).inc();
        if (run.outcome().isFailure()) {
            registry.counter(FAILURES, task).inc();
        }
        registry.counter(DURATION, task).inc(run.duration().toMillis());
    }
}

package org.tickerdesk.tasks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.tickerdesk.tasks.control.TaskRunner;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/**
 * Not ready while a critical task (the exit sweep guards money) has failed {@code
 * tickerdesk.tasks.failure-threshold} times in a row or more; one detail per critical task says how
 * it stands. A paused critical task is shown as paused and does not count: an admin chose it.
 */
@Readiness
@ApplicationScoped
public class TasksHealth implements HealthCheck {

    @Inject Tasks tasks;

    @Inject TaskRunner runner;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tasks");
        boolean up = true;
        int threshold = runner.failureThreshold();
        for (TaskSnapshot task : tasks.list()) {
            if (!task.critical()) {
                continue;
            }
            boolean failing = task.enabled() && task.consecutiveFailures() >= threshold;
            up &= !failing;
            response.withData(task.name(), state(task, failing));
        }
        return response.status(up).build();
    }

    private static String state(TaskSnapshot task, boolean failing) {
        if (!task.enabled()) {
            return "paused";
        }
        if (failing) {
            return "failed "
                    + task.consecutiveFailures()
                    + " times in a row: "
                    + (task.lastRun() == null ? "" : task.lastRun().error());
        }
        return task.lastRun() == null ? "not run yet" : task.lastRun().outcome().name();
    }
}

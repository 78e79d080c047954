package org.tickerdesk.tasks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tickerdesk.tasks.entity.RegisteredTask;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/** What the console reads: every registered task as it is now, and one task's recent runs. */
@ApplicationScoped
public class Tasks {

    @Inject TaskRegistry registry;

    @Inject TaskStore store;

    @Inject TaskRunner runner;

    /** One task's detail: the task and its newest runs first. */
    public record Detail(TaskSnapshot task, List<RunResult> history) {}

    /** By name; a task registered since start-up without a row yet is left out until it has one. */
    public List<TaskSnapshot> list() {
        Map<String, RegisteredTask> rows =
                store.all().stream()
                        .collect(Collectors.toMap(RegisteredTask::name, Function.identity()));
        List<TaskSnapshot> tasks = new ArrayList<>();
        for (ScheduledTask task : registry.all()) {
            RegisteredTask row = rows.get(task.name());
            if (row != null) {
                tasks.add(runner.snapshot(task, row));
            }
        }
        return tasks;
    }

    /** The task, or the API's 404. */
    public TaskSnapshot get(String name) {
        ScheduledTask task = registry.get(name);
        return runner.snapshot(
                task, store.find(name).orElseThrow(() -> TaskProblems.unknown(name)));
    }

    public Detail detail(String name, int runs) {
        TaskSnapshot task = get(name);
        return new Detail(task, store.history(name, runs));
    }
}

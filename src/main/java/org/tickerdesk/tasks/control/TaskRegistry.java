package org.tickerdesk.tasks.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tickerdesk.tasks.entity.RegisteredTask;

/**
 * Every {@link ScheduledTask} bean of the application, by name. A name that is malformed or taken
 * twice, or a default interval outside the allowed range, stops the deployment: the console would
 * otherwise show one task for two jobs, or none.
 */
@ApplicationScoped
public class TaskRegistry {

    @Inject @Any Instance<ScheduledTask> beans;

    /** By name; a test sets it instead of the beans. */
    Map<String, ScheduledTask> tasks = Map.of();

    @PostConstruct
    void find() {
        List<ScheduledTask> found = beans == null ? List.of() : beans.stream().toList();
        tasks = byName(found);
    }

    static Map<String, ScheduledTask> byName(Collection<ScheduledTask> found) {
        Map<String, ScheduledTask> named = new TreeMap<>();
        for (ScheduledTask task : found) {
            String name = task.name();
            if (name == null
                    || name.length() > RegisteredTask.MAX_NAME
                    || !RegisteredTask.NAME.matcher(name).matches()) {
                throw new IllegalStateException(
                        task.getClass().getName()
                                + " names its task '"
                                + name
                                + "'; a task's name is lower case words joined by dashes");
            }
            if (!RegisteredTask.allowed(task.defaultInterval())) {
                throw new IllegalStateException(
                        "Task "
                                + name
                                + " runs every "
                                + task.defaultInterval()
                                + " by default; a task runs every 1 s to 7 days");
            }
            ScheduledTask other = named.putIfAbsent(name, task);
            if (other != null) {
                throw new IllegalStateException(
                        "Two tasks are named "
                                + name
                                + ": "
                                + other.getClass().getName()
                                + " and "
                                + task.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(named);
    }

    /** By name. */
    public Collection<ScheduledTask> all() {
        return tasks.values();
    }

    public Optional<ScheduledTask> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(tasks.get(name));
    }

    /** The task, or the API's 404. */
    public ScheduledTask get(String name) {
        return find(name).orElseThrow(() -> TaskProblems.unknown(name));
    }
}

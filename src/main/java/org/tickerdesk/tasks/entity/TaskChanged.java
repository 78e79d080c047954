package org.tickerdesk.tasks.entity;

import java.util.Objects;

/**
 * Fired after a task's change is committed (a run started or ended, a due run was skipped, it was
 * paused, resumed or given another interval), with the task as it is now; the console's pages and
 * metrics follow it.
 */
public record TaskChanged(TaskSnapshot task, TaskChange change) {

    public TaskChanged {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(change, "change");
    }
}

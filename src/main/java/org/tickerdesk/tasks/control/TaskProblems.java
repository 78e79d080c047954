package org.tickerdesk.tasks.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/** The tasks console's refusals, as the API and the Tasks page answer them. */
public final class TaskProblems {

    private TaskProblems() {}

    /** 404 {@code unknown_task}. */
    public static ProblemException unknown(String name) {
        return new ProblemException(
                404, "unknown_task", "Unknown task", "No task is named '" + shown(name) + "'");
    }

    /** 400 {@code invalid_task}, naming the field at fault. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                400,
                "invalid_task",
                "Invalid task setting",
                List.of(new FieldError(field, message)));
    }

    /** 409 {@code task_running}: runs of one task never overlap. */
    public static ProblemException running(String name) {
        return new ProblemException(
                409,
                "task_running",
                "Task running",
                "Task " + name + " is running now; it can be run again once this run ends");
    }

    /** 409 {@code not_leader}: the cluster's leader runs the tasks, also when asked to run now. */
    public static ProblemException notLeader(String name, String leader) {
        return new ProblemException(
                409,
                "not_leader",
                "Not the leader",
                "Task "
                        + name
                        + " runs on the cluster's leader"
                        + (leader == null
                                ? ", and no member leads right now; try again in a few seconds"
                                : " at " + leader + "; ask it there"));
    }

    private static String shown(String name) {
        if (name == null) {
            return "";
        }
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }
}

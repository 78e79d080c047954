package org.tickerdesk.tasks.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/** A task and its runs as the API and the {@code tasks} stream write them. */
public final class TaskJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private TaskJson() {}

    public static JsonObject of(TaskSnapshot task) {
        return builder(task).build();
    }

    /** The task with its newest runs first, each with its error and stack trace. */
    public static JsonObject detail(TaskSnapshot task, List<RunResult> history) {
        JsonArrayBuilder runs = JSON.createArrayBuilder();
        history.forEach(run -> runs.add(run(run)));
        return builder(task).add("history", runs).build();
    }

    private static JsonObjectBuilder builder(TaskSnapshot task) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("name", task.name())
                        .add("description", task.description() == null ? "" : task.description())
                        .add("intervalSeconds", task.interval().toSeconds())
                        .add("defaultIntervalSeconds", task.defaultInterval().toSeconds())
                        .add("intervalChanged", task.intervalChanged())
                        .add("timeLimitSeconds", task.timeLimit().toSeconds())
                        .add("critical", task.critical())
                        .add("enabled", task.enabled())
                        .add("running", task.running())
                        .add("runs", task.runs())
                        .add("failures", task.failures())
                        .add("skipped", task.skipped())
                        .add("slotsTaken", task.slotsTaken())
                        .add("consecutiveFailures", task.consecutiveFailures());
        if (task.lastRun() != null) {
            json.add("lastRun", run(task.lastRun()));
        }
        instant(json, "nextRun", task.nextRun());
        if (task.runsOn() != null) {
            json.add("runsOn", task.runsOn());
        }
        return json;
    }

    private static JsonObjectBuilder run(RunResult run) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("startedAt", run.startedAt().toString())
                        .add("durationMillis", run.duration().toMillis())
                        .add("outcome", run.outcome().name())
                        .add("manual", run.manual());
        if (run.error() != null) {
            json.add("error", run.error());
        }
        if (run.stackTrace() != null) {
            json.add("stackTrace", run.stackTrace());
        }
        instant(json, "slot", run.slot());
        if (run.member() != null) {
            json.add("member", run.member());
        }
        return json;
    }

    private static void instant(JsonObjectBuilder json, String key, Instant at) {
        if (at != null) {
            json.add(key, at.toString());
        }
    }
}

package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.tasks.control.TaskJson;
import org.tickerdesk.tasks.entity.RunOutcome;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskChange;
import org.tickerdesk.tasks.entity.TaskChanged;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/** The private {@code tasks} stream: who may have it and what a task's change looks like. */
class TasksStreamTest {

    private final Fixtures fixtures = new Fixtures();

    private static TaskSnapshot task(long runs, RunResult last) {
        return new TaskSnapshot(
                "tick-retention",
                "Deletes the recorded ticks older than 48 hours",
                Duration.ofMinutes(10),
                Duration.ofMinutes(10),
                false,
                Duration.ofMinutes(30),
                false,
                true,
                false,
                runs,
                1,
                0,
                1,
                last,
                Instant.parse("2025-11-20T14:40:00Z"),
                "127.0.0.1:6900");
    }

    private void subscribe(ClientConnection client) {
        fixtures.hub.receive(
                client,
                Json.createObjectBuilder()
                        .add("op", "subscribe")
                        .add("id", 1)
                        .add("streams", Json.createArrayBuilder(List.of("tasks")))
                        .build()
                        .toString());
    }

    @Test
    void anAnonymousClientIsRefusedTasks() {
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connect(socket));

        JsonObject rejected = socket.last().getJsonArray("rejected").getJsonObject(0);
        assertEquals("tasks", rejected.getString("stream"));
        assertEquals("unauthorized", rejected.getString("code"));
    }

    @Test
    void aTasksRunReachesASignedInSubscriberAsATaskMessage() {
        FakeClient socket = new FakeClient();
        subscribe(fixtures.connectAs("admin", socket));
        assertEquals(
                List.of("tasks"),
                socket.last().getJsonArray("subscribed").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        TaskSnapshot failed =
                task(
                        7,
                        new RunResult(
                                Instant.parse("2025-11-20T14:30:00Z"),
                                Duration.ofMillis(42),
                                RunOutcome.FAILED,
                                "IllegalStateException: disk full",
                                "java.lang.IllegalStateException: disk full\n\tat x",
                                false));

        fixtures.hub.onTaskChanged(new TaskChanged(failed, TaskChange.RAN));

        JsonObject message = socket.last();
        assertEquals("task", message.getString("type"));
        assertEquals("tasks", message.getString("stream"));
        assertEquals(1, message.getInt("offset"));
        assertEquals(TaskJson.of(failed), message.getJsonObject("data"));
        JsonObject run = message.getJsonObject("data").getJsonObject("lastRun");
        assertEquals("FAILED", run.getString("outcome"));
        assertEquals(42, run.getInt("durationMillis"));
        assertTrue(run.getString("stackTrace").startsWith("java.lang.IllegalStateException"));
        assertEquals("2025-11-20T14:40:00Z", message.getJsonObject("data").getString("nextRun"));
        assertEquals("127.0.0.1:6900", message.getJsonObject("data").getString("runsOn"));
    }
}

package org.tickerdesk.tasks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The tasks console's API on the real jar, with a server of its own (one test restarts it): every
 * scheduled job is listed with its schedule, the exit sweep runs by itself every 10 s, run now runs
 * one at once and its run is in the history, an interval and a pause outlive a restart, and every
 * wrong request is a problem naming what is wrong.
 */
class TasksResourceIT {

    private static TickerdeskProcess server;
    private static String tasks;

    @BeforeAll
    static void start() {
        server = new TickerdeskProcess("tasks-resource", Map.of()).clean().start();
        tasks = server.baseUrl() + "/api/v1/tasks";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyScheduledJobIsListedWithItsScheduleAndANextRun() {
        HttpResponse<String> listed = Http.getAsAdmin(tasks);
        assertEquals(200, listed.statusCode(), listed.body());
        Map<String, JsonObject> byName =
                ((JsonArray) Http.json(listed))
                        .getValuesAs(JsonObject.class).stream()
                                .collect(Collectors.toMap(t -> t.getString("name"), t -> t));

        assertEquals(10, byName.get("exit-sweep").getInt("intervalSeconds"));
        assertTrue(byName.get("exit-sweep").getBoolean("critical"));
        assertEquals(300, byName.get("subscription-cleanup").getInt("intervalSeconds"));
        assertEquals(86_400, byName.get("collection-cleanup").getInt("intervalSeconds"));
        assertEquals(600, byName.get("tick-retention").getInt("defaultIntervalSeconds"));
        assertFalse(byName.get("tick-retention").getBoolean("critical"));
        for (JsonObject task : byName.values()) {
            assertTrue(task.getBoolean("enabled"), task.toString());
            assertTrue(task.containsKey("nextRun"), task.toString());
            assertFalse(task.getString("description").isBlank(), task.toString());
        }
    }

    @Test
    void readingNeedsCredentialsAndChangingAnAdminsToken() {
        assertEquals(401, Http.get(tasks).statusCode());
        HttpResponse<String> anonymous =
                Http.send(
                        HttpRequest.newBuilder(URI.create(tasks + "/exit-sweep/pause"))
                                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void theExitSweepRunsByItselfEveryTenSeconds() throws InterruptedException {
        long before = detail("exit-sweep").getInt("runs");
        JsonObject swept =
                await("exit-sweep", t -> t.getInt("runs") >= before + 2, Duration.ofSeconds(40));

        JsonObject last = swept.getJsonObject("lastRun");
        assertEquals("SUCCEEDED", last.getString("outcome"), swept.toString());
        assertFalse(last.getBoolean("manual"));
        assertEquals(0, swept.getInt("consecutiveFailures"));
        long untilNext =
                Duration.between(
                                Instant.parse(last.getString("startedAt")),
                                Instant.parse(swept.getString("nextRun")))
                        .toMillis();
        assertTrue(
                untilNext > 9_000 && untilNext < 11_000,
                "the next run " + untilNext + " ms after the last: " + swept);
    }

    @Test
    void runNowRunsATaskAtOnceAndItsRunIsInTheHistory() throws InterruptedException {
        long before = detail("subscription-cleanup").getInt("runs");

        HttpResponse<String> started = post("subscription-cleanup", "run");

        assertEquals(202, started.statusCode(), started.body());
        JsonObject ran =
                await(
                        "subscription-cleanup",
                        t -> t.getInt("runs") > before && !t.getBoolean("running"),
                        Duration.ofSeconds(20));
        JsonObject run = ran.getJsonArray("history").getJsonObject(0);
        assertEquals("SUCCEEDED", run.getString("outcome"), ran.toString());
        assertTrue(run.getBoolean("manual"));
        assertEquals(
                run.getString("startedAt"), ran.getJsonObject("lastRun").getString("startedAt"));
    }

    @Test
    void anIntervalAndAPauseOutliveARestartAndResumeSchedulesAgain() {
        HttpResponse<String> changed = put("tick-retention", "{\"intervalSeconds\":3600}");
        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject hourly = (JsonObject) Http.json(changed);
        assertEquals(3600, hourly.getInt("intervalSeconds"));
        assertTrue(hourly.getBoolean("intervalChanged"));
        Instant next = Instant.parse(hourly.getString("nextRun"));
        long fromFullHour = Math.floorMod(next.toEpochMilli() + 1_000, 3_600_000L);
        assertTrue(
                fromFullHour <= 2_000
                        && next.isAfter(Instant.now())
                        && !next.isAfter(Instant.now().plus(Duration.ofMinutes(61))),
                "the next run is the new interval's next slot, a full hour at most an hour away: "
                        + next);

        HttpResponse<String> paused = post("collection-cleanup", "pause");
        assertEquals(200, paused.statusCode(), paused.body());
        assertFalse(((JsonObject) Http.json(paused)).getBoolean("enabled"));
        assertFalse(((JsonObject) Http.json(paused)).containsKey("nextRun"));

        server.stop();
        server.start();

        JsonObject retention = detail("tick-retention");
        assertEquals(3600, retention.getInt("intervalSeconds"), retention.toString());
        assertEquals(600, retention.getInt("defaultIntervalSeconds"));
        JsonObject cleanup = detail("collection-cleanup");
        assertFalse(cleanup.getBoolean("enabled"), cleanup.toString());
        assertFalse(cleanup.containsKey("nextRun"), cleanup.toString());

        HttpResponse<String> resumed = post("collection-cleanup", "resume");
        assertEquals(200, resumed.statusCode(), resumed.body());
        JsonObject again = (JsonObject) Http.json(resumed);
        assertTrue(again.getBoolean("enabled"));
        assertTrue(again.containsKey("nextRun"), again.toString());
    }

    @Test
    void aWrongIntervalIsABadRequestNamingTheFieldAndNothingChanges() {
        for (String body :
                new String[] {
                    "{\"intervalSeconds\":0}",
                    "{\"intervalSeconds\":604801}",
                    "{\"intervalSeconds\":2.5}",
                    "{\"intervalSeconds\":\"60\"}",
                    "{}"
                }) {
            HttpResponse<String> refused = put("subscription-cleanup", body);
            assertProblem(refused, 400, "invalid_task");
            JsonObject problem = (JsonObject) Http.json(refused);
            assertEquals(
                    "intervalSeconds",
                    problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                    body);
        }
        HttpResponse<String> extra =
                put("subscription-cleanup", "{\"intervalSeconds\":60,\"x\":1}");
        assertProblem(extra, 400, "invalid_task");
        assertEquals(
                "x",
                ((JsonObject) Http.json(extra))
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        assertProblem(put("subscription-cleanup", "{\"intervalSeconds\":"), 400, "bad_request");
        assertEquals(300, detail("subscription-cleanup").getInt("intervalSeconds"));
    }

    @Test
    void anUnknownTaskIsNotFound() {
        assertProblem(Http.getAsAdmin(tasks + "/no-such-task"), 404, "unknown_task");
        assertProblem(post("no-such-task", "run"), 404, "unknown_task");
        assertProblem(post("no-such-task", "pause"), 404, "unknown_task");
        assertProblem(put("no-such-task", "{\"intervalSeconds\":60}"), 404, "unknown_task");
    }

    @Test
    void readinessAndMetricsShowTheTasks() throws InterruptedException {
        await("exit-sweep", t -> t.getInt("runs") >= 1, Duration.ofSeconds(30));

        HttpResponse<String> ready = Http.getAsAdmin(server.baseUrl() + "/health/ready");
        assertTrue(ready.body().contains("\"tasks\""), ready.body());
        assertTrue(ready.body().contains("\"exit-sweep\":\"SUCCEEDED\""), ready.body());
        HttpResponse<String> metrics = Http.getAsAdmin(server.baseUrl() + "/metrics");
        assertTrue(
                metrics.body()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.startsWith("tickerdesk_task_runs_total")
                                                && l.contains("task=\"exit-sweep\"")),
                "metrics: " + metrics.body().lines().filter(l -> l.contains("task")).toList());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"),
                response.headers().toString());
        assertEquals(code, ((JsonObject) Http.json(response)).getString("code"), response.body());
    }

    private static JsonObject detail(String name) {
        HttpResponse<String> read = Http.getAsAdmin(tasks + "/" + name);
        assertEquals(200, read.statusCode(), read.body());
        return (JsonObject) Http.json(read);
    }

    private static JsonObject await(String name, Predicate<JsonObject> done, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonObject task = detail(name);
        while (!done.test(task)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + patience + ": " + task);
            }
            Thread.sleep(250);
            task = detail(name);
        }
        return task;
    }

    private static HttpResponse<String> post(String name, String action) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(tasks + "/" + name + "/" + action))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> put(String name, String json) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(tasks + "/" + name + "/interval"))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}

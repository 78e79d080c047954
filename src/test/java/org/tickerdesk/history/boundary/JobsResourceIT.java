package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * {@code /api/v1/jobs} on the real server, as a program uses it: a collection is started with 202
 * and a Location, followed to its end with its executions and step metrics, refused field by field
 * when invalid (nothing started), and its actions refused when its state does not allow them.
 * Collections are private: without credentials nothing is read or started.
 */
class JobsResourceIT {

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void aCollectionIsStartedFollowedToItsEndAndListed() throws Exception {
        HttpResponse<String> started =
                post(
                        "/api/v1/jobs",
                        "{\"source\":\"simulated\",\"instruments\":[\"AAPL\",\"MSFT\"],"
                                + "\"barSize\":\"1h\",\"from\":\"2024-01-02T00:00:00Z\","
                                + "\"to\":\"2024-07-01T00:00:00Z\"}");

        assertEquals(202, started.statusCode(), started.body());
        JsonObject job = Http.json(started).asJsonObject();
        long id = job.getJsonNumber("id").longValue();
        assertTrue(
                Set.of("STARTING", "STARTED", "COMPLETED").contains(job.getString("status")),
                job.toString());
        assertEquals(
                server.baseUrl() + "/api/v1/jobs/" + id,
                started.headers().firstValue("Location").orElseThrow());

        JsonObject done = awaitEnd(id);
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        long hours = Duration.ofDays(181).toHours();
        assertEquals(2 * hours, done.getJsonNumber("barsWritten").longValue());
        assertEquals(0, done.getInt("barsSkipped"));
        assertEquals(done.getInt("windowsTotal"), done.getInt("windowsDone"));
        JsonArray executions = done.getJsonArray("executions");
        assertEquals(1, executions.size());
        JsonObject execution = executions.getJsonObject(0);
        assertEquals("COMPLETED", execution.getString("batchStatus"));
        Set<String> partitions =
                execution.getJsonArray("steps").stream()
                        .map(s -> s.asJsonObject().getString("partition"))
                        .collect(Collectors.toSet());
        assertTrue(partitions.containsAll(Set.of("AAPL", "MSFT")), execution.toString());
        assertEquals(2, done.getJsonArray("partitions").size());

        JsonArray completed = list("?status=COMPLETED&instrument=MSFT");
        assertTrue(
                completed.stream()
                        .anyMatch(j -> j.asJsonObject().getJsonNumber("id").longValue() == id),
                completed.toString());
        JsonObject statistics =
                Http.json(Http.getAsAdmin(server.baseUrl() + "/api/v1/jobs/statistics"))
                        .asJsonObject();
        assertTrue(
                statistics.getJsonObject("byStatus").getInt("COMPLETED") >= 1,
                statistics.toString());
        assertFalse(statistics.getJsonArray("barsPerDay").isEmpty(), statistics.toString());

        assertProblem(post("/api/v1/jobs/" + id + "/stop", ""), 409, "job_state");
        assertProblem(post("/api/v1/jobs/" + id + "/restart", ""), 409, "job_state");
        assertProblem(post("/api/v1/jobs/" + id + "/abandon", ""), 409, "job_state");
    }

    @Test
    void anInvalidCollectionIsRefusedFieldByFieldAndNothingStarts() {
        int before = list("").size();

        JsonObject problem =
                assertProblem(
                        post(
                                "/api/v1/jobs",
                                "{\"source\":\"simulated\",\"instruments\":[\"AAPL\",\"NOPE9\"],"
                                        + "\"barSize\":\"7m\",\"from\":\"2024-07-01\","
                                        + "\"to\":\"2024-01-01\",\"colour\":\"red\"}"),
                        400,
                        "invalid_history_request");
        Set<String> fields =
                problem.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .collect(Collectors.toSet());
        assertEquals(Set.of("colour"), fields, "unknown fields are refused before the rest");

        problem =
                assertProblem(
                        post(
                                "/api/v1/jobs",
                                "{\"source\":\"simulated\",\"instruments\":[\"AAPL\"],"
                                        + "\"barSize\":\"7m\",\"from\":\"2024-07-01\","
                                        + "\"to\":\"2024-01-01\"}"),
                        400,
                        "invalid_history_request");
        fields =
                problem.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .collect(Collectors.toSet());
        assertEquals(Set.of("barSize", "to"), fields, problem.toString());

        problem =
                assertProblem(
                        post(
                                "/api/v1/jobs",
                                "{\"source\":\"simulated\",\"instruments\":[\"NOPE9\"],"
                                    + "\"barSize\":\"1m\",\"from\":\"2024-01-01\",\"to\":\"now\"}"),
                        400,
                        "invalid_history_request");
        assertTrue(problem.toString().contains("NOPE9"), problem.toString());

        assertProblem(
                post(
                        "/api/v1/jobs",
                        "{\"source\":\"ibkr\",\"instruments\":[\"AAPL\"],\"barSize\":\"1m\","
                                + "\"from\":\"2024-01-01\",\"to\":\"now\"}"),
                400,
                "invalid_history_request");
        assertProblem(
                post(
                        "/api/v1/jobs",
                        "{\"source\":\"simulated\",\"instruments\":[\"AAPL\"],\"barSize\":\"1m\","
                                + "\"from\":\"2024-01-01\",\"to\":\"2999-01-01\"}"),
                400,
                "invalid_history_request");
        assertProblem(post("/api/v1/jobs", "[1,2]"), 400, "bad_request");
        assertEquals(before, list("").size(), "nothing was started");
    }

    @Test
    void anUploadedCsvFileIsCollectedAndItsBadLinesAreReportedByNumber() throws Exception {
        String csv =
                "Date,Open,High,Low,Close,Adj Close,Volume\n"
                        + "2024-01-02,187.15,188.44,183.89,185.64,185.40,82488700\n"
                        + "2024-01-03,184.22,185.88,183.43,184.25,184.01,58414500\n"
                        + "2024-01-04,182.15,183.09,180.88,181.91,181.67,71983600\n"
                        + "2024-01-05,181.99,182.76,180.17,181.18,180.95,62303300\n"
                        + "2024-01-08,182.09,185.60,181.50,185.56,185.32,59144500\n"
                        + "2024-01-09,x,185.15,182.73,185.14,184.90,42841800\n"
                        + "2024-01-10,184.35,186.40,183.92,186.19,185.95,46792900\n"
                        + "2024-01-11,186.54,187.05,183.62,185.59,185.35,49128400\n"
                        + "2024-01-12,186.06,186.74,185.19,185.92,185.68,40444700\n"
                        + "2024-01-16,182.16,184.26,180.93,183.63,183.39,65603000\n"
                        + "2024-01-17,181.27,182.93,180.30,182.68,182.44,47317400\n"
                        + "2024-01-18,186.09,180.00,185.17,188.63,188.38,78005800\n";

        HttpResponse<String> started =
                upload(
                        new String[][] {
                            {"symbol", "AAPL"}, {"barSize", "1d"}, {"timeZone", "America/New_York"}
                        },
                        "aapl.csv",
                        csv);

        assertEquals(202, started.statusCode(), started.body());
        JsonObject done =
                awaitEnd(Http.json(started).asJsonObject().getJsonNumber("id").longValue());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("csv", done.getString("source"));
        assertEquals(10, done.getInt("barsWritten"));
        assertEquals(2, done.getInt("barsSkipped"));
        String skipped = done.getJsonArray("skipped").toString();
        assertTrue(skipped.contains("line 7") && skipped.contains("line 13"), skipped);
        HttpResponse<String> read =
                Http.get(
                        server.baseUrl()
                                + "/api/v1/candles/AAPL?interval=1d&from=2024-01-01T00:00:00Z"
                                + "&to=2024-01-20T00:00:00Z");
        assertEquals(200, read.statusCode(), read.body());
        JsonArray candles = Http.json(read).asJsonObject().getJsonArray("candles");
        assertEquals(10, candles.size(), candles.toString());
        assertEquals(185.64, candles.getJsonObject(0).getJsonNumber("c").doubleValue());
    }

    @Test
    void aCsvFileWithABadHeaderOrAnUnknownPartIsRefusedByField() {
        JsonObject problem =
                assertProblem(
                        upload(
                                new String[][] {{"symbol", "AAPL"}, {"barSize", "1d"}},
                                "bad.csv",
                                "When,Price\n2024-01-02,1\n"),
                        400,
                        "invalid_history_request");
        assertEquals("file", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        problem =
                assertProblem(
                        upload(
                                new String[][] {{"symbol", "AAPL"}, {"colour", "red"}},
                                "a.csv",
                                "x"),
                        400,
                        "invalid_history_request");
        assertTrue(problem.toString().contains("colour"), problem.toString());
    }

    @Test
    void unknownCollectionsAndBadFiltersAreProblems() {
        assertProblem(
                Http.getAsAdmin(server.baseUrl() + "/api/v1/jobs/999999"), 404, "unknown_job");
        assertProblem(Http.getAsAdmin(server.baseUrl() + "/api/v1/jobs/abc"), 404, "unknown_job");
        assertProblem(post("/api/v1/jobs/999999/stop", ""), 404, "unknown_job");
        assertProblem(
                Http.getAsAdmin(server.baseUrl() + "/api/v1/jobs?status=RUNNING&limit=0"),
                400,
                "invalid_history_request");
    }

    @Test
    void collectionsArePrivate() {
        assertEquals(401, Http.get(server.baseUrl() + "/api/v1/jobs").statusCode());
        HttpResponse<String> anonymous =
                Http.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/jobs"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"source\":\"simulated\",\"instruments\":[\"AAPL\"],"
                                                    + "\"barSize\":\"1d\",\"from\":\"2024-01-01\",\"to\":\"now\"}")));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
    }

    @Test
    void aMistakeLeavesNoStackTraceInTheLog() throws Exception {
        post("/api/v1/jobs", "{\"source\":\"yahooo\",\"instruments\":\"AAPL\"}");
        String log = Files.readString(server.serverLog());
        assertFalse(
                log.contains("yahooo") && log.contains("\tat org.tickerdesk"), "no stack trace");
    }

    private JsonObject awaitEnd(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject job =
                    Http.json(Http.getAsAdmin(server.baseUrl() + "/api/v1/jobs/" + id))
                            .asJsonObject();
            String status = job.getString("status");
            if (!status.startsWith("START") && !status.equals("STOPPING")) {
                return job;
            }
            Thread.sleep(200);
        }
        return fail("Collection " + id + " did not end");
    }

    private JsonArray list(String query) {
        HttpResponse<String> response = Http.getAsAdmin(server.baseUrl() + "/api/v1/jobs" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).asJsonArray();
    }

    private HttpResponse<String> upload(String[][] fields, String fileName, String content) {
        String boundary = "----tickerdesk-test-boundary";
        StringBuilder body = new StringBuilder();
        for (String[] field : fields) {
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field[0])
                    .append("\"\r\n\r\n")
                    .append(field[1])
                    .append("\r\n");
        }
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(content)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        return Http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/jobs"))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> post(String path, String json) {
        return Http.postAsAdmin(server.baseUrl() + path, json);
    }

    private static JsonObject assertProblem(
            HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                response.body());
        JsonObject problem = Http.json(response).asJsonObject();
        assertEquals(code, problem.getString("code"), response.body());
        assertTrue(problem.get("detail") != JsonValue.NULL || problem.containsKey("errors"));
        return problem;
    }
}

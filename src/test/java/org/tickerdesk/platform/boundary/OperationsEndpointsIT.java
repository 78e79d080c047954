package org.tickerdesk.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/** What operators and their tools see of a running Tickerdesk: health, metrics, OpenAPI. */
class OperationsEndpointsIT {

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void livenessAnswersUp() {
        HttpResponse<String> live = Http.get(server.baseUrl() + "/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", Http.json(live).asJsonObject().getString("status"));
    }

    @Test
    void readinessReportsTheDatabaseAndTheMarketDataSource() {
        HttpResponse<String> ready = Http.getAsAdmin(server.baseUrl() + "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        Map<String, JsonObject> checks =
                Http.json(ready).asJsonObject().getJsonArray("checks").stream()
                        .map(JsonValue::asJsonObject)
                        .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
        assertEquals("UP", checks.get("database").getString("status"));
        assertTrue(
                checks.get("database")
                        .getJsonObject("data")
                        .getString("detail")
                        .startsWith("PostgreSQL 17"),
                ready.body());
        assertEquals("UP", checks.get("market-data").getString("status"));
        assertEquals(
                "simulated", checks.get("market-data").getJsonObject("data").getString("source"));
    }

    @Test
    void metricsCountTicksAndStreamClients() throws InterruptedException {
        Thread.sleep(1500);
        String metrics = Http.getAsAdmin(server.baseUrl() + "/metrics").body();
        assertTrue(metrics.contains("tickerdesk_ticks_per_second"), metrics);
        assertTrue(metrics.contains("tickerdesk_ticks_total"), metrics);
        assertTrue(metrics.contains("tickerdesk_websocket_clients"), metrics);
        double total =
                metrics.lines()
                        .filter(l -> l.startsWith("tickerdesk_ticks_total"))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .findFirst()
                        .orElse(0);
        assertTrue(total > 0, "ticks were counted: " + total);
    }

    @Test
    void everyTickerdeskMetricHasItsTypeAndAHelpText() {
        String metrics = Http.getAsAdmin(server.baseUrl() + "/metrics").body();
        Map<String, String> expected =
                Map.of(
                        "tickerdesk_ticks_total", "counter",
                        "tickerdesk_ticks_per_second", "gauge",
                        "tickerdesk_websocket_clients", "gauge");
        expected.forEach(
                (name, type) ->
                        assertTrue(
                                metrics.contains("# TYPE " + name + " " + type + "\n"), metrics));
        metrics.lines()
                .filter(l -> l.startsWith("# TYPE tickerdesk_"))
                .map(l -> l.split(" ")[2])
                .forEach(
                        name -> {
                            String help =
                                    metrics.lines()
                                            .filter(l -> l.startsWith("# HELP " + name + " "))
                                            .findFirst()
                                            .orElse("");
                            assertTrue(
                                    help.length() > ("# HELP " + name + " ").length() + 10,
                                    name + " has a help text: '" + help + "'");
                        });
    }

    @Test
    void openApiDescribesTheRestApi() {
        HttpResponse<String> openapi = Http.get(server.baseUrl() + "/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/instruments"), openapi.body());
        assertTrue(openapi.body().contains("/api/v1/quotes"), openapi.body());
        assertEquals(
                "application/yaml",
                openapi.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void openApiIsServedAsJsonOnRequest() {
        HttpResponse<String> byQuery = Http.get(server.baseUrl() + "/openapi?format=JSON");
        assertEquals(200, byQuery.statusCode());
        assertEquals(
                "application/json",
                byQuery.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        HttpResponse<String> byAccept =
                Http.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/openapi"))
                                .header("Accept", "application/json"));
        assertEquals(Http.json(byQuery), Http.json(byAccept));
    }

    @Test
    void everyOperationHasItsResponsesWithSchemasAndProblemDocumentsForErrors() {
        JsonObject document =
                Http.json(Http.get(server.baseUrl() + "/openapi?format=json")).asJsonObject();
        JsonObject paths = document.getJsonObject("paths");
        assertEquals(
                Set.of(
                        "/api/v1/instruments",
                        "/api/v1/instruments/{symbol}",
                        "/api/v1/instruments/{symbol}/resolution",
                        "/api/v1/resolutions",
                        "/api/v1/instruments/lookup",
                        "/api/v1/quotes",
                        "/api/v1/quotes/{symbol}",
                        "/api/v1/ticks/{symbol}",
                        "/api/v1/news",
                        "/api/v1/news/{symbol}",
                        "/api/v1/news/items/{id}",
                        "/api/v1/sim/ticks",
                        "/api/v1/sim/holds/{symbol}",
                        "/api/v1/sim/paths",
                        "/api/v1/sim/paths/{id}",
                        "/api/v1/bars/{symbol}",
                        "/api/v1/bars/{symbol}/coverage",
                        "/api/v1/candles/{symbol}",
                        "/api/v1/stats/{symbol}",
                        "/api/v1/indicators/{symbol}",
                        "/api/v1/indicators/{symbol}/{type}",
                        "/api/v1/jobs",
                        "/api/v1/jobs/statistics",
                        "/api/v1/jobs/{id}",
                        "/api/v1/jobs/{id}/stop",
                        "/api/v1/jobs/{id}/restart",
                        "/api/v1/jobs/{id}/abandon",
                        "/api/v1/orders",
                        "/api/v1/orders/{clientOrderId}",
                        "/api/v1/positions",
                        "/api/v1/positions/{id}",
                        "/api/v1/positions/{id}/rules",
                        "/api/v1/positions/{id}/close",
                        "/api/v1/positions/holdings",
                        "/api/v1/positions/holdings/{symbol}/adopt",
                        "/api/v1/exit-defaults",
                        "/api/v1/broker",
                        "/api/v1/ibkr/status",
                        "/api/v1/ibkr/pacing",
                        "/api/v1/tasks",
                        "/api/v1/tasks/{name}",
                        "/api/v1/tasks/{name}/run",
                        "/api/v1/tasks/{name}/pause",
                        "/api/v1/tasks/{name}/resume",
                        "/api/v1/tasks/{name}/interval",
                        "/api/v1/cluster",
                        "/api/v1/notifications",
                        "/api/v1/notifications/preferences",
                        "/api/v1/notifications/channels",
                        "/api/v1/notifications/channels/{channel}/test",
                        "/api/v1/traders",
                        "/api/v1/traders/{id}",
                        "/api/v1/traders/{id}/toggle",
                        "/api/v1/traders/{id}/trades",
                        "/api/v1/traders/{id}/intake",
                        "/api/v1/traders/{id}/curve",
                        "/api/v1/traders/{id}/fidelity",
                        "/api/v1/traders/performance"),
                paths.keySet());
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        for (String schema :
                List.of(
                        "Problem",
                        "FieldError",
                        "InstrumentView",
                        "OrderView",
                        "Position",
                        "PositionDetail",
                        "ExitRules",
                        "Holding",
                        "Job",
                        "JobDetail",
                        "Task",
                        "TaskDetail",
                        "Cluster",
                        "ClusterMember",
                        "Trader",
                        "TraderSettings",
                        "LeaderTrade",
                        "IntakeEntry",
                        "TraderPerformance")) {
            assertTrue(schemas.containsKey(schema), schema + " in " + schemas.keySet());
        }
        int operations = 0;
        for (String path : paths.keySet()) {
            for (Map.Entry<String, JsonValue> entry : paths.getJsonObject(path).entrySet()) {
                String operation = entry.getKey().toUpperCase() + " " + path;
                JsonObject responses = entry.getValue().asJsonObject().getJsonObject("responses");
                assertFalse(responses.containsKey("default"), operation);
                assertTrue(responses.containsKey("500"), operation);
                assertTrue(responses.keySet().stream().anyMatch(s -> s.startsWith("2")), operation);
                for (String status : responses.keySet()) {
                    if (status.equals("204")) {
                        continue;
                    }
                    JsonObject response = responses.getJsonObject(status);
                    String mediaType =
                            status.startsWith("2")
                                    ? "application/json"
                                    : "application/problem+json";
                    JsonObject content = response.getJsonObject("content").getJsonObject(mediaType);
                    assertTrue(
                            content != null && content.containsKey("schema"),
                            operation + " " + status + ": " + response);
                    assertTrue(
                            content.containsKey("examples") || content.containsKey("example"),
                            operation + " " + status + " has an example: " + response);
                    if (!status.startsWith("2")) {
                        assertEquals(
                                "#/components/schemas/Problem",
                                content.getJsonObject("schema").getString("$ref"),
                                operation + " " + status);
                    }
                }
                operations++;
            }
        }
        assertEquals(71, operations);
        JsonObject startJob =
                paths.getJsonObject("/api/v1/jobs")
                        .getJsonObject("post")
                        .getJsonObject("requestBody")
                        .getJsonObject("content");
        assertTrue(
                startJob.containsKey("application/json")
                        && startJob.containsKey("multipart/form-data"),
                "a collection starts from JSON or from a CSV upload: " + startJob.keySet());
    }

    @Test
    void theRootLeadsToTheAdmin() {
        HttpResponse<String> root = Http.get(server.baseUrl() + "/");
        assertTrue(
                root.statusCode() == 302 || root.statusCode() == 303,
                "status " + root.statusCode());
        HttpResponse<String> admin = Http.get(server.baseUrl() + "/admin/");
        assertEquals(302, admin.statusCode(), "the admin asks for a login first");
        assertTrue(admin.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
    }
}

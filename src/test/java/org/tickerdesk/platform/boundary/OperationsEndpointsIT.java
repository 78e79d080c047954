package org.tickerdesk.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
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
        assertTrue(openapi.body().contains("/api/instruments"), openapi.body());
        assertTrue(openapi.body().contains("/api/quotes"), openapi.body());
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

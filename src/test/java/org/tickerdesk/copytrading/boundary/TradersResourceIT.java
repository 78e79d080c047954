package org.tickerdesk.copytrading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Followed traders over REST on the real jar: create (with the secret shown once), read, edit,
 * toggle and delete; every bad input refused as a problem naming its fields with nothing changed;
 * nothing without a token; and a toggle answered just before a kill -9 still in effect after the
 * restart.
 */
class TradersResourceIT {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aTraderIsCreatedReadEditedToggledAndDeleted() {
        TickerdeskProcess server = SharedServer.get();
        String name = "Alice-" + System.nanoTime();
        HttpResponse<String> created =
                send(
                        server,
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\""
                                + name
                                + "\",\"feed\":\"webhook\",\"allocation\":10000,"
                                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject alice = object(created);
        long id = alice.getJsonNumber("id").longValue();
        assertTrue(
                created.headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .endsWith("/api/v1/traders/" + id));
        assertTrue(alice.getString("secret").matches("[0-9a-f]{64}"), alice.toString());
        assertEquals(name, alice.getString("name"));
        assertEquals("webhook", alice.getString("feed"));
        assertTrue(alice.getBoolean("enabled"));
        assertFalse(alice.getBoolean("paper"));
        assertEquals("10000", alice.get("allocation").toString());
        assertEquals("{\"mode\":\"ratio\",\"ratio\":0.5}", alice.get("sizing").toString());
        assertTrue(alice.getBoolean("copyExits"));
        assertEquals(JsonValue.NULL, alice.get("copyStopLossPercent"));
        assertEquals(
                "{\"triggerPrice\":\"LAST\",\"exitOrder\":{\"type\":\"MARKET\"},"
                        + "\"brokerProtection\":\"NONE\"}",
                alice.get("rules").toString(),
                "no rules, written as a position's are");

        JsonObject read = object(send(server, "GET", "/api/v1/traders/" + id, null));
        assertFalse(read.containsKey("secret"), "the secret is shown once: " + read);
        assertEquals(alice.getString("updatedAt"), read.getString("updatedAt"));
        assertTrue(
                array(send(server, "GET", "/api/v1/traders", null)).stream()
                        .anyMatch(t -> t.asJsonObject().getJsonNumber("id").longValue() == id));

        HttpResponse<String> edited =
                send(
                        server,
                        "PUT",
                        "/api/v1/traders/" + id,
                        "{\"allocation\":20000,\"paper\":true,\"sizing\":{\"mode\":\"fixed\","
                            + "\"amount\":1000},\"caps\":{\"perTrade\":2500,\"openPositions\":3},"
                            + "\"filters\":{\"denied\":[\"tsla\"],\"maxDelaySeconds\":30},"
                            + "\"copyStopLossPercent\":20,"
                            + "\"rules\":{\"stopLoss\":{\"percent\":2}}}");
        assertEquals(200, edited.statusCode(), edited.body());
        JsonObject bob = object(edited);
        assertEquals("20000", bob.get("allocation").toString());
        assertTrue(bob.getBoolean("paper"));
        assertEquals("{\"mode\":\"fixed\",\"amount\":1000}", bob.get("sizing").toString());
        assertEquals(
                "{\"perTrade\":2500,\"totalExposure\":null,\"openPositions\":3}",
                bob.get("caps").toString());
        assertEquals("[\"TSLA\"]", bob.getJsonObject("filters").get("denied").toString());
        assertEquals(30, bob.getJsonObject("filters").getInt("maxDelaySeconds"));
        assertEquals("20", bob.get("copyStopLossPercent").toString());
        assertEquals(
                2.0,
                bob.getJsonObject("rules")
                        .getJsonObject("stopLoss")
                        .getJsonNumber("percent")
                        .doubleValue());
        assertEquals(name, bob.getString("name"), "kept");

        HttpResponse<String> toggled =
                send(server, "POST", "/api/v1/traders/" + id + "/toggle", null);
        assertEquals(200, toggled.statusCode(), toggled.body());
        assertFalse(object(toggled).getBoolean("enabled"));
        assertFalse(
                object(send(server, "GET", "/api/v1/traders/" + id, null)).getBoolean("enabled"));
        assertTrue(
                object(send(server, "POST", "/api/v1/traders/" + id + "/toggle", null))
                        .getBoolean("enabled"));

        HttpResponse<String> stale =
                send(
                        server,
                        "PUT",
                        "/api/v1/traders/" + id,
                        "{\"version\":" + bob.getInt("version") + ",\"allocation\":1}");
        assertProblem(stale, 409, "trader_changed");

        assertEquals(204, send(server, "DELETE", "/api/v1/traders/" + id, null).statusCode());
        assertProblem(send(server, "GET", "/api/v1/traders/" + id, null), 404, "unknown_trader");
        assertProblem(
                send(server, "POST", "/api/v1/traders/" + id + "/toggle", null),
                404,
                "unknown_trader");
        assertProblem(send(server, "DELETE", "/api/v1/traders/" + id, null), 404, "unknown_trader");
        assertProblem(send(server, "GET", "/api/v1/traders/x1", null), 404, "unknown_trader");
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndChangesNothing() {
        TickerdeskProcess server = SharedServer.get();
        String name = "Carol-" + System.nanoTime();
        JsonObject carol =
                object(
                        send(
                                server,
                                "POST",
                                "/api/v1/traders",
                                "{\"name\":\""
                                        + name
                                        + "\",\"feed\":\"simulated\",\"enabled\":false,\"allocation\":5000,"
                                        + "\"sizing\":{\"mode\":\"share\"}}"));
        long id = carol.getJsonNumber("id").longValue();
        String before = send(server, "GET", "/api/v1/traders", null).body();

        assertFields(
                send(
                        server,
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\"Dave\",\"feed\":\"webhook\",\"allocation\":-1,"
                                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0}}"),
                "allocation",
                "sizing.ratio");
        assertFields(
                send(
                        server,
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\"Dave\",\"feed\":\"fax\",\"allocation\":\"x\",\"colour\":1,"
                                + "\"sizing\":{}}"),
                "colour",
                "feed",
                "allocation",
                "sizing.mode");
        assertFields(
                send(server, "POST", "/api/v1/traders", "{\"name\":\"Dave\",\"enabled\":\"yes\"}"),
                "feed",
                "enabled",
                "allocation",
                "sizing");
        assertProblem(
                send(server, "POST", "/api/v1/traders", "{\"name\":\"Dave\""), 400, "bad_request");
        assertProblem(
                send(
                        server,
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\""
                                + name
                                + "\",\"feed\":\"webhook\",\"allocation\":1,"
                                + "\"sizing\":{\"mode\":\"share\"}}"),
                409,
                "trader_name_taken");
        assertFields(
                send(
                        server,
                        "PUT",
                        "/api/v1/traders/" + id,
                        "{\"allocation\":100,\"sizing\":{\"mode\":\"fixed\"},\"id\":99}"),
                "id",
                "sizing.amount");
        assertFields(
                send(
                        server,
                        "PUT",
                        "/api/v1/traders/" + id,
                        "{\"rules\":{\"stopLoss\":{\"percent\":-2}},\"filters\":{\"maxDelaySeconds\":0}}"),
                "filters.maxDelaySeconds",
                "rules.stopLoss.percent",
                "rules.stopLoss");
        assertProblem(
                send(server, "PUT", "/api/v1/traders/987654321", "{\"allocation\":100}"),
                404,
                "unknown_trader");

        assertEquals(
                before, send(server, "GET", "/api/v1/traders", null).body(), "nothing changed");
        assertEquals(204, send(server, "DELETE", "/api/v1/traders/" + id, null).statusCode());
    }

    @Test
    void nothingWithoutAToken() {
        TickerdeskProcess server = SharedServer.get();
        for (String[] call :
                List.of(
                        new String[] {"GET", "/api/v1/traders"},
                        new String[] {"GET", "/api/v1/traders/1"},
                        new String[] {"POST", "/api/v1/traders"},
                        new String[] {"PUT", "/api/v1/traders/1"},
                        new String[] {"POST", "/api/v1/traders/1/toggle"},
                        new String[] {"DELETE", "/api/v1/traders/1"})) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + call[1]))
                            .header("Content-Type", "application/json")
                            .method(
                                    call[0],
                                    call[0].equals("GET") || call[0].equals("DELETE")
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString("{}"));
            HttpResponse<String> refused = Http.send(request);
            assertEquals(
                    401, refused.statusCode(), call[0] + " " + call[1] + ": " + refused.body());
            assertTrue(
                    refused.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
                    refused.headers().toString());
        }
    }

    @Test
    void aToggleAnsweredJustBeforeAKillIsInEffectAfterTheRestart() throws Exception {
        TickerdeskProcess server = new TickerdeskProcess("traders-kill", Map.of()).clean();
        boolean passed = false;
        try {
            server.start();
            long id =
                    object(
                                    send(
                                            server,
                                            "POST",
                                            "/api/v1/traders",
                                            "{\"name\":\"Killed\",\"feed\":\"webhook\","
                                                    + "\"allocation\":10000,\"sizing\":{\"mode\":"
                                                    + "\"ratio\",\"ratio\":0.5}}"))
                            .getJsonNumber("id")
                            .longValue();
            boolean enabled = true;
            for (int i = 0; i < 3; i++) {
                enabled =
                        object(send(server, "POST", "/api/v1/traders/" + id + "/toggle", null))
                                .getBoolean("enabled");
            }
            assertFalse(enabled, "three toggles from enabled");
            server.kill();

            server.start();

            assertFalse(
                    object(send(server, "GET", "/api/v1/traders/" + id, null))
                            .getBoolean("enabled"),
                    "the last toggle's answer holds after kill -9 and restart");
            passed = true;
        } finally {
            server.stop();
            server.stopOrphanedDatabase();
            if (passed) {
                TickerdeskProcess.deleteRecursively(server.dataDir());
            }
        }
    }

    private static void assertFields(HttpResponse<String> response, String... fields) {
        JsonObject problem = assertProblem(response, 400, "invalid_trader");
        assertEquals(
                List.of(fields),
                problem.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList(),
                problem.toString());
    }

    private static JsonObject assertProblem(
            HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
                response.headers().toString());
        JsonObject problem = object(response);
        assertEquals(code, problem.getString("code"), problem.toString());
        return problem;
    }

    private static HttpResponse<String> send(
            TickerdeskProcess server, String method, String path, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request);
    }

    private static JsonObject object(HttpResponse<String> response) {
        return Http.json(response).asJsonObject();
    }

    private static JsonArray array(HttpResponse<String> response) {
        return Http.json(response).asJsonArray();
    }
}

package org.tickerdesk.copytrading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The simulated feed end to end on the real jar: a trader created over REST to follow a simulated
 * leader gets the leader's trades by the {@code simulated-leaders} task, copies them through the
 * intake, and the copies are open positions of the trader's book guarded by the exit engine with
 * the trader's stop-loss. A slot of one second (TICKERDESK_COPY_SIMULATED_SLOT_SECONDS) keeps it
 * short; twenty synthetic stocks of the simulated market, open around the clock, make copies likely
 * at any hour (the well-known stocks wait outside US extended hours).
 */
class SimulatedLeadersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static TickerdeskProcess server;

    @BeforeAll
    static void start() {
        server =
                new TickerdeskProcess(
                                "simulated-leaders",
                                Map.of(
                                        "TICKERDESK_COPY_SIMULATED_SLOT_SECONDS", "1",
                                        "TICKERDESK_SIM_SYMBOLS", "20"))
                        .clean()
                        .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSimulatedLeadersProduceCopiedPositionsThatTheExitEngineGuards()
            throws InterruptedException {
        HttpResponse<String> created =
                admin(
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\"Sim\",\"feed\":\"simulated\",\"allocation\":1000000,"
                                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":1},"
                                + "\"rules\":{\"stopLoss\":{\"percent\":5}}}");
        assertEquals(201, created.statusCode(), created.body());
        long trader = Http.json(created).asJsonObject().getJsonNumber("id").longValue();
        String prefix = "cp-" + trader + "-";

        Set<String> copiedOrders = new HashSet<>();
        List<JsonObject> guarded = List.of();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (guarded.size() < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "copied " + copiedOrders + ", open and guarded " + guarded);
            }
            Thread.sleep(500);
            for (JsonValue e : intake(trader, "?status=COPIED")) {
                JsonObject entry = e.asJsonObject();
                assertEquals("simulated", entry.getString("feed"), entry.toString());
                if (entry.getString("copyEffect").equals("OPENS")) {
                    copiedOrders.add(entry.getString("clientOrderId"));
                }
            }
            guarded =
                    Http.json(admin("GET", "/api/v1/positions?state=OPEN&limit=500", null))
                            .asJsonArray()
                            .stream()
                            .map(JsonValue::asJsonObject)
                            .filter(p -> p.get("entryOrderId") instanceof jakarta.json.JsonString)
                            .filter(p -> copiedOrders.contains(p.getString("entryOrderId")))
                            .toList();
        }

        for (JsonObject position : guarded) {
            assertTrue(position.getString("entryOrderId").startsWith(prefix), position.toString());
            assertEquals("OPEN", position.getString("state"));
            BigDecimal percent =
                    position.getJsonObject("rules")
                            .getJsonObject("stopLoss")
                            .getJsonNumber("percent")
                            .bigDecimalValue();
            assertEquals(0, BigDecimal.valueOf(5).compareTo(percent), position.toString());
            BigDecimal average = position.getJsonNumber("averagePrice").bigDecimalValue();
            BigDecimal stop = position.getJsonNumber("stopLevel").bigDecimalValue();
            BigDecimal expected =
                    average.multiply(
                            new BigDecimal(
                                    position.getString("side").equals("BUY") ? "0.95" : "1.05"));
            assertTrue(
                    stop.subtract(expected).abs().compareTo(new BigDecimal("0.001")) < 0,
                    "stop 5 % from the entry: " + position);
        }
    }

    private static List<JsonValue> intake(long trader, String query) {
        HttpResponse<String> answer =
                admin("GET", "/api/v1/traders/" + trader + "/intake" + query, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.json(answer).asJsonArray();
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
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
}

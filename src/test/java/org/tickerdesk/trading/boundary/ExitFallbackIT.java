package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * A stop that triggers but whose limit exit does not fill is not left behind: after its fallback
 * time the limit is cancelled and the rest goes at market. Prices are held, so the limit cannot
 * fill: it sells at the trigger price (offset 0) while the bid stays below it.
 */
class ExitFallbackIT {

    private static final String SYMBOL = "FALLIT";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final TickerdeskProcess SERVER = SharedServer.get();

    @BeforeAll
    static void watchASymbolOfItsOwn() {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/instruments",
                        "{\"symbol\":\"" + SYMBOL + "\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
    }

    @AfterAll
    static void unwatch() {
        send("DELETE", "/api/v1/sim/holds/" + SYMBOL, null);
        send("DELETE", "/api/v1/instruments/" + SYMBOL, null);
    }

    @Test
    void anUnfilledLimitExitFallsBackToMarketAfterItsTime() throws InterruptedException {
        hold(100.00, 99.99, 100.01);
        HttpResponse<String> opened =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/positions",
                        "{\"symbol\":\""
                                + SYMBOL
                                + "\",\"side\":\"BUY\",\"quantity\":5,\"rules\":{\"stopLoss\":"
                                + "{\"amount\":2},\"exitOrder\":{\"type\":\"LIMIT\","
                                + "\"offsetPercent\":0,\"fallbackSeconds\":2}}}");
        assertEquals(201, opened.statusCode(), opened.body());
        long id = Http.json(opened).asJsonObject().getJsonNumber("id").longValue();
        // bought at 100.02: the stop is at 98.02; 97.90 fires it, the limit sells at 97.90
        hold(97.90, 97.80, 97.95);
        JsonObject limit = await("/api/v1/orders/x-" + id + "-STOP_LOSS-1", o -> true);
        assertEquals("LMT", limit.getString("type"));
        assertEquals(new BigDecimal("97.9"), limit.getJsonNumber("limitPrice").bigDecimalValue());

        JsonObject closed =
                await("/api/v1/positions/" + id, p -> p.getString("state").equals("CLOSED"));
        JsonObject trigger = closed.getJsonArray("triggers").getJsonObject(0);
        assertEquals(2, trigger.getInt("attempt"), trigger.toString());
        assertEquals("MKT", trigger.getString("orderType"));
        // at market: the bid 97.80 less one tick, (97.79 - 100.02) x 5 = -11.15
        assertEquals(
                new BigDecimal("-11.15"), closed.getJsonNumber("realizedPnl").bigDecimalValue());
        assertEquals(
                "CANCELLED",
                await("/api/v1/orders/x-" + id + "-STOP_LOSS-1", o -> true).getString("status"));
    }

    private static void hold(double last, double bid, double ask) throws InterruptedException {
        HttpResponse<String> held =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/sim/ticks",
                        "{\"symbol\":\""
                                + SYMBOL
                                + "\",\"last\":"
                                + last
                                + ",\"bid\":"
                                + bid
                                + ",\"ask\":"
                                + ask
                                + ",\"hold\":true}");
        assertEquals(200, held.statusCode(), held.body());
        Thread.sleep(200);
    }

    private static JsonObject await(String path, Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = Http.getAsAdmin(SERVER.baseUrl() + path);
            last = answer.body();
            if (answer.statusCode() == 200 && wanted.test(Http.json(answer).asJsonObject())) {
                return Http.json(answer).asJsonObject();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not as wanted within " + PATIENCE + ": " + path + " " + last);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)));
    }
}

package org.tickerdesk.marketdata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * An admin drives the simulated market of the real jar: a held tick is the symbol's quote exactly
 * until something else moves it, a scripted path takes the price to its target, and what is not an
 * admin's token or not a valid tick is refused, nothing injected. A symbol of this test's own keeps
 * the shared server's other symbols walking as they do.
 */
class SimTicksIT {

    private static final String SYMBOL = "SIMIT";
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final TickerdeskProcess SERVER = SharedServer.get();

    @BeforeAll
    static void watchASymbolOfItsOwn() throws InterruptedException {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/instruments",
                        "{\"symbol\":\"" + SYMBOL + "\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
        awaitQuote(q -> true);
    }

    @AfterAll
    static void unwatch() {
        send("DELETE", "/api/v1/instruments/" + SYMBOL, null);
    }

    @Test
    void aHeldTickIsReadBackExactlyAndSeveralAreInjectedInOrder() throws InterruptedException {
        HttpResponse<String> injected =
                post(
                        "/api/v1/sim/ticks",
                        "{\"symbol\":\"SIMIT\",\"last\":123.45,\"bid\":123.4,\"ask\":123.5,"
                                + "\"size\":700,\"hold\":true}");

        assertEquals(200, injected.statusCode(), injected.body());
        JsonObject tick = Http.json(injected).asJsonObject();
        assertEquals(123.45, tick.getJsonNumber("last").doubleValue());
        assertEquals(JsonValue.TRUE, tick.get("held"));
        Thread.sleep(500);
        JsonObject quote = quote();
        assertEquals(123.45, quote.getJsonNumber("last").doubleValue(), quote.toString());
        assertEquals(123.4, quote.getJsonNumber("bid").doubleValue());
        assertEquals(123.5, quote.getJsonNumber("ask").doubleValue());
        assertEquals(700, quote.getInt("lastSize"));
        assertEquals(tick.get("ts"), quote.get("ts"), "the injected tick, nothing after it");

        HttpResponse<String> several =
                post(
                        "/api/v1/sim/ticks",
                        "[{\"symbol\":\"SIMIT\",\"last\":124},{\"symbol\":\"SIMIT\",\"last\":125}]");
        assertEquals(200, several.statusCode(), several.body());
        JsonArray ticks = Http.json(several).asJsonArray();
        assertEquals(2, ticks.size());
        assertEquals(125.0, quote().getJsonNumber("last").doubleValue());

        assertEquals(204, send("DELETE", "/api/v1/sim/holds/SIMIT", null).statusCode());
        awaitQuote(q -> q.getJsonNumber("last").doubleValue() != 125.0);
    }

    @Test
    void aPathTakesTheLastPriceToItsTargetAndCanBeStopped() throws InterruptedException {
        post("/api/v1/sim/ticks", "{\"symbol\":\"SIMIT\",\"last\":200,\"hold\":true}");

        HttpResponse<String> started =
                post(
                        "/api/v1/sim/paths",
                        "{\"symbol\":\"SIMIT\",\"changePercent\":-5,\"seconds\":1}");

        assertEquals(202, started.statusCode(), started.body());
        JsonObject path = Http.json(started).asJsonObject();
        assertEquals(200.0, path.getJsonNumber("from").doubleValue());
        assertEquals(190.0, path.getJsonNumber("to").doubleValue());
        assertEquals(10, path.getInt("steps"));
        awaitQuote(q -> q.getJsonNumber("last").doubleValue() == 190.0);
        Thread.sleep(300);
        assertEquals(190.0, quote().getJsonNumber("last").doubleValue(), "held after the path");
        assertEquals("[]", Http.get(SERVER.baseUrl() + "/api/v1/sim/paths").body());

        HttpResponse<String> longer =
                post("/api/v1/sim/paths", "{\"symbol\":\"SIMIT\",\"to\":250,\"seconds\":60}");
        long id = Http.json(longer).asJsonObject().getJsonNumber("id").longValue();
        JsonArray running =
                Http.json(Http.get(SERVER.baseUrl() + "/api/v1/sim/paths")).asJsonArray();
        assertTrue(running.toString().contains("\"id\":" + id), running.toString());
        assertEquals(204, send("DELETE", "/api/v1/sim/paths/" + id, null).statusCode());
        HttpResponse<String> again = send("DELETE", "/api/v1/sim/paths/" + id, null);
        assertEquals(404, again.statusCode());
        assertEquals("unknown_path", code(again));
        send("DELETE", "/api/v1/sim/holds/SIMIT", null);
    }

    @Test
    void withoutAnAdminsTokenNothingIsInjected() {
        HttpResponse<String> anonymous =
                Http.send(
                        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/api/v1/sim/ticks"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"symbol\":\"SIMIT\",\"last\":1}")));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> wrong =
                Http.send(
                        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/api/v1/sim/paths"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer not-a-token-of-anyone-0123456789")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"symbol\":\"SIMIT\",\"to\":1,\"seconds\":1}")));
        assertEquals(401, wrong.statusCode(), wrong.body());
    }

    @Test
    void badTicksAndPathsAreRefusedNamingTheField() {
        for (List<String> refused :
                List.of(
                        List.of("{\"last\":1}", "symbol"),
                        List.of("{\"symbol\":\"SIMIT\",\"last\":0}", "last"),
                        List.of("{\"symbol\":\"SIMIT\",\"last\":\"NaN\"}", "last"),
                        List.of("{\"symbol\":\"SIMIT\",\"last\":1,\"bid\":2,\"ask\":1}", "bid"),
                        List.of("{\"symbol\":\"SIMIT\",\"last\":1,\"price\":1}", "price"),
                        List.of(
                                "[{\"symbol\":\"SIMIT\",\"last\":1},{\"symbol\":\"SIMIT\"}]",
                                "[1].last"))) {
            HttpResponse<String> answer = post("/api/v1/sim/ticks", refused.get(0));
            assertEquals(400, answer.statusCode(), answer.body());
            assertEquals(
                    "application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonObject problem = Http.json(answer).asJsonObject();
            assertEquals("invalid_tick", problem.getString("code"), answer.body());
            assertEquals(
                    refused.get(1),
                    problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                    answer.body());
        }
        HttpResponse<String> unknown =
                post("/api/v1/sim/ticks", "{\"symbol\":\"NOSUCHSYM\",\"last\":1}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("unknown_symbol", code(unknown));

        HttpResponse<String> path =
                post("/api/v1/sim/paths", "{\"symbol\":\"SIMIT\",\"to\":1,\"seconds\":0}");
        assertEquals(400, path.statusCode(), path.body());
        assertEquals("invalid_path", code(path));
        assertEquals(
                "seconds",
                Http.json(path)
                        .asJsonObject()
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
    }

    private static HttpResponse<String> post(String path, String json) {
        return Http.postAsAdmin(SERVER.baseUrl() + path, json);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String code(HttpResponse<String> answer) {
        return Http.json(answer).asJsonObject().getString("code");
    }

    private static JsonObject quote() {
        HttpResponse<String> answer = Http.get(SERVER.baseUrl() + "/api/v1/quotes/" + SYMBOL);
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.json(answer).asJsonObject();
    }

    private static JsonObject awaitQuote(Predicate<JsonObject> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = Http.get(SERVER.baseUrl() + "/api/v1/quotes/" + SYMBOL);
            last = answer.body();
            if (answer.statusCode() == 200 && wanted.test(Http.json(answer).asJsonObject())) {
                return Http.json(answer).asJsonObject();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "no such quote of " + SYMBOL + " within " + PATIENCE + ": " + last);
    }
}

package org.tickerdesk.resolution.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Resolving instruments over REST on the real jar with the paper broker, each test on instruments
 * of its own whose price it holds. The paper broker fills a market order at the touch and one tick
 * of slippage: with the future's tick of 0.25 and a quote of 99.75 / 100.25, a purchase at 100.50
 * and a sale at 99.50; with the event contract's tick of 0.01 and 0.39 / 0.41, a purchase at 0.42.
 */
class ResolutionIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final String FUTURE = "RIFUTZ9";
    private static final String EVENT = "RIEVT-1";
    private static final String UNRESOLVED = "RIBADZ9";
    private static final String GONE = "RIGONEZ9";
    private static final List<String> SYMBOLS = List.of(FUTURE, EVENT, UNRESOLVED, GONE);
    private static final String STOP = "{\"stopLoss\":{\"percent\":50}}";

    @BeforeAll
    static void instrumentsThatExpireLater() {
        String expiry = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        watch(FUTURE, "future", "0.25", expiry);
        watch(UNRESOLVED, "future", "0.25", expiry);
        watch(EVENT, "event", "0.01", expiry);
        watch(GONE, "future", "0.25", expiry);
    }

    @AfterAll
    static void unwatch() {
        for (String symbol : SYMBOLS) {
            send("DELETE", "/api/v1/sim/holds/" + symbol, null);
            send("DELETE", "/api/v1/instruments/" + symbol, null);
        }
    }

    @Test
    void aFuturesLongAndShortSettleAtThePriceEnteredOnceAndTheSameCallAgainSettlesNothing() {
        hold(FUTURE, "100", "99.75", "100.25");
        long buy = open(FUTURE, "BUY", 2);
        long sell = open(FUTURE, "SELL", 3);

        HttpResponse<String> resolved = resolve(FUTURE, "{\"settlementPrice\":104}");

        assertEquals(200, resolved.statusCode(), resolved.body());
        JsonObject answer = Http.json(resolved).asJsonObject();
        assertTrue(answer.getBoolean("resolvedNow"));
        assertFalse(answer.getBoolean("alreadyResolved"));
        JsonObject resolution = answer.getJsonObject("resolution");
        assertEquals("RESOLVED", resolution.getString("state"));
        assertEquals("manual", resolution.getString("source"));
        assertEquals("future", resolution.getString("kind"));
        assertAmount("104", resolution, "settlementPrice");
        assertEquals(2, resolution.getInt("positionsSettled"));
        JsonArray settled = answer.getJsonArray("settled");
        assertEquals(2, settled.size(), settled.toString());
        JsonObject settledLong = byId(settled, buy);
        assertAmount("2", settledLong, "quantity");
        assertAmount("100.5", settledLong, "averagePrice");
        assertAmount("7", settledLong, "pnl"); // (104 − 100.50) × 2
        assertAmount("-13.5", byId(settled, sell), "pnl"); // (99.50 − 104) × 3

        JsonObject longNow = position(buy);
        assertEquals("SETTLED", longNow.getString("state"));
        assertAmount("7", longNow, "realizedPnl");
        assertAmount("0", longNow, "quantity");
        assertTrue(longNow.getString("reason").startsWith("Settled at 104"), longNow.toString());
        JsonObject shortNow = position(sell);
        assertEquals("SETTLED", shortNow.getString("state"));
        assertAmount("-13.5", shortNow, "realizedPnl");

        HttpResponse<String> again = resolve(FUTURE, "{\"settlementPrice\":\"104.00\"}");

        assertEquals(200, again.statusCode(), again.body());
        JsonObject second = Http.json(again).asJsonObject();
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, second.getJsonArray("settled"));
        assertTrue(second.getBoolean("alreadyResolved"));
        assertTrue(second.getString("message").contains("already"), second.toString());
        assertEquals(2, second.getJsonObject("resolution").getInt("positionsSettled"));
        assertEquals(longNow, position(buy));

        HttpResponse<String> another = resolve(FUTURE, "{\"settlementPrice\":105}");

        assertProblem(another, 409, "resolution_conflict");
        assertEquals(longNow, position(buy));
        assertEquals(shortNow, position(sell));

        JsonObject listed =
                Http.json(Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/resolutions"))
                        .asJsonArray()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(r -> r.getString("symbol").equals(FUTURE))
                        .findFirst()
                        .orElseThrow();
        assertEquals("RESOLVED", listed.getString("state"));
        assertAmount("104", listed, "settlementPrice");
    }

    @Test
    void anEventContractResolvedYesPaysOneUnitPerContract() {
        hold(EVENT, "0.40", "0.39", "0.41");
        long buy = open(EVENT, "BUY", 10);

        HttpResponse<String> resolved = resolve(EVENT, "{\"outcome\":\"YES\"}");

        assertEquals(200, resolved.statusCode(), resolved.body());
        JsonObject answer = Http.json(resolved).asJsonObject();
        assertEquals("YES", answer.getJsonObject("resolution").getString("outcome"));
        assertAmount("1", answer.getJsonObject("resolution"), "settlementPrice");
        assertAmount("5.8", byId(answer.getJsonArray("settled"), buy), "pnl"); // (1 − 0.42) × 10
        assertAmount("5.8", position(buy), "realizedPnl");
        assertProblem(resolve(EVENT, "{\"outcome\":\"NO\"}"), 409, "resolution_conflict");
    }

    @Test
    void aResolvedInstrumentTakesNoNewPositionNorOrderAndNothingIsStored() {
        hold(GONE, "50", "49.75", "50.25");
        long held = open(GONE, "BUY", 1);
        assertEquals(200, resolve(GONE, "{\"settlementPrice\":51}").statusCode());
        assertEquals("SETTLED", position(held).getString("state"));
        long positionsBefore = count("/api/v1/positions?limit=500", GONE);
        long ordersBefore = count("/api/v1/orders?limit=500", GONE);

        JsonObject position =
                assertProblem(
                        send(
                                "POST",
                                "/api/v1/positions",
                                "{\"symbol\":\""
                                        + GONE
                                        + "\",\"side\":\"BUY\",\"quantity\":1,\"rules\":"
                                        + STOP
                                        + "}"),
                        409,
                        "instrument_resolved");
        assertTrue(
                position.getString("detail").startsWith(GONE + " is resolved"),
                position.toString());
        assertEquals("symbol", position.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(
                send(
                        "POST",
                        "/api/v1/orders",
                        "{\"symbol\":\""
                                + GONE.toLowerCase()
                                + "\",\"side\":\"SELL\",\"quantity\":1,\"type\":\"MKT\"}"),
                409,
                "instrument_resolved");

        assertEquals(positionsBefore, count("/api/v1/positions?limit=500", GONE));
        assertEquals(ordersBefore, count("/api/v1/orders?limit=500", GONE));
        // another instrument still opens and closes as before
        hold(UNRESOLVED, "20", "19.75", "20.25");
        long other = open(UNRESOLVED, "BUY", 1);
        HttpResponse<String> closed = send("POST", "/api/v1/positions/" + other + "/close", null);
        assertTrue(closed.statusCode() < 300, closed.body());
    }

    private static long count(String path, String symbol) {
        return Http.json(Http.getAsAdmin(SERVER.baseUrl() + path))
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(o -> o.getString("symbol").equals(symbol))
                .count();
    }

    @Test
    void wrongInputIsRefusedAsAProblemNamingTheFieldAndChangesNothing() {
        assertFields(
                resolve(UNRESOLVED, "{\"settlementPrice\":1,\"outcome\":\"YES\"}"),
                "settlementPrice",
                "outcome");
        assertFields(resolve(UNRESOLVED, "{}"), "settlementPrice");
        assertFields(resolve(UNRESOLVED, "{\"outcome\":\"YES\"}"), "outcome");
        assertFields(resolve(UNRESOLVED, "{\"settlementPrice\":\"lots\"}"), "settlementPrice");
        assertFields(resolve(UNRESOLVED, "{\"settlementPrice\":-1}"), "settlementPrice");
        assertFields(resolve(UNRESOLVED, "{\"settlementPrice\":1,\"price\":1}"), "price");
        assertFields(resolve(EVENT, "{\"outcome\":\"MAYBE\"}"), "outcome");
        assertProblem(resolve(UNRESOLVED, "[1]"), 400, "bad_request");
        assertProblem(resolve("RINOSUCH", "{\"settlementPrice\":1}"), 404, "unknown_instrument");
        assertProblem(resolve("AAPL", "{\"settlementPrice\":1}"), 409, "not_resolvable");
        HttpResponse<String> anonymous =
                Http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                SERVER.baseUrl()
                                                        + "/api/v1/instruments/"
                                                        + UNRESOLVED
                                                        + "/resolution"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"settlementPrice\":1}")));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals(
                401,
                Http.get(SERVER.baseUrl() + "/api/v1/resolutions").statusCode(),
                "what was settled is private");

        HttpResponse<String> instrument =
                Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/instruments/" + UNRESOLVED);
        assertEquals(200, instrument.statusCode(), "the instruments' own resource still answers");
        assertTrue(
                Http.json(Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/resolutions"))
                        .asJsonArray()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .noneMatch(r -> r.getString("symbol").equals(UNRESOLVED)),
                "nothing stored for it");
    }

    private static void watch(String symbol, String kind, String tick, String expiry) {
        HttpResponse<String> watched =
                send(
                        "POST",
                        "/api/v1/instruments",
                        "{\"symbol\":\""
                                + symbol
                                + "\",\"kind\":\""
                                + kind
                                + "\",\"exchange\":\"CME\",\"tickSize\":"
                                + tick
                                + ",\"expiry\":\""
                                + expiry
                                + "\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
    }

    /** Injects a tick and freezes the symbol's walk there; a new instrument is served shortly. */
    private static void hold(String symbol, String last, String bid, String ask) {
        String tick =
                "{\"symbol\":\""
                        + symbol
                        + "\",\"last\":"
                        + last
                        + ",\"bid\":"
                        + bid
                        + ",\"ask\":"
                        + ask
                        + ",\"hold\":true}";
        long deadline = System.nanoTime() + 20_000_000_000L;
        HttpResponse<String> held = send("POST", "/api/v1/sim/ticks", tick);
        while (held.statusCode() != 200 && System.nanoTime() < deadline) {
            sleep(200);
            held = send("POST", "/api/v1/sim/ticks", tick);
        }
        assertEquals(200, held.statusCode(), held.body());
        sleep(300);
    }

    private static long open(String symbol, String side, int quantity) {
        HttpResponse<String> opened =
                send(
                        "POST",
                        "/api/v1/positions",
                        "{\"symbol\":\""
                                + symbol
                                + "\",\"side\":\""
                                + side
                                + "\",\"quantity\":"
                                + quantity
                                + ",\"rules\":"
                                + STOP
                                + "}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject position = Http.json(opened).asJsonObject();
        assertEquals("OPEN", position.getString("state"), position.toString());
        return position.getJsonNumber("id").longValue();
    }

    private static JsonObject position(long id) {
        HttpResponse<String> found = Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/positions/" + id);
        assertEquals(200, found.statusCode(), found.body());
        return Http.json(found).asJsonObject();
    }

    private static HttpResponse<String> resolve(String symbol, String body) {
        return send("POST", "/api/v1/instruments/" + symbol + "/resolution", body);
    }

    private static JsonObject byId(JsonArray settled, long id) {
        return settled.getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + settled));
    }

    private static void assertFields(HttpResponse<String> answer, String... fields) {
        JsonObject problem = assertProblem(answer, 400, "invalid_resolution");
        assertEquals(
                List.of(fields),
                problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("field"))
                        .toList(),
                problem.toString());
    }

    private static JsonObject assertProblem(HttpResponse<String> answer, int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElse("").split(";")[0],
                answer.body());
        JsonObject problem = Http.json(answer).asJsonObject();
        assertEquals(code, problem.getString("code"), problem.toString());
        assertFalse(answer.body().contains("Exception"), "no stack trace: " + answer.body());
        return problem;
    }

    private static void assertAmount(String expected, JsonObject json, String field) {
        BigDecimal actual = json.getJsonNumber(field).bigDecimalValue();
        assertEquals(0, new BigDecimal(expected).compareTo(actual), field + " of " + json);
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

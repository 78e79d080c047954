package org.tickerdesk.trading.boundary;

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
 * Positions over REST on the real jar with the paper broker, each test on a symbol of its own whose
 * price it holds with injected ticks, so every figure is worked out by hand. The paper broker fills
 * a market order at once at the touch and one tick (0.01) of slippage: a purchase at the ask plus
 * 0.01, a sale at the bid less 0.01. Exit rules watch the last price; an exit's slippage is its
 * trigger price less its fill, in the position's favour.
 */
class PositionsResourceIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final List<String> SYMBOLS =
            List.of("PTAKE", "PLADR", "PSHRT", "PTRAL", "PRULE", "PLIST", "PDFLT", "PBAD", "PHOLD");

    @BeforeAll
    static void watchSymbolsOfItsOwn() {
        for (String symbol : SYMBOLS) {
            HttpResponse<String> watched =
                    post("/api/v1/instruments", "{\"symbol\":\"" + symbol + "\"}");
            assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
        }
    }

    @AfterAll
    static void closeWhatIsLeftAndUnwatch() {
        for (JsonValue p : list("?state=OPEN&limit=500")) {
            if (SYMBOLS.contains(p.asJsonObject().getString("symbol"))) {
                post("/api/v1/positions/" + p.asJsonObject().getInt("id") + "/close", null);
            }
        }
        for (String symbol : SYMBOLS) {
            send("DELETE", "/api/v1/sim/holds/" + symbol, null, true);
            send("DELETE", "/api/v1/instruments/" + symbol, null, true);
        }
    }

    @Test
    void aLongOpensAtTheAskAndItsTakeProfitClosesAllOfIt() throws InterruptedException {
        hold("PTAKE", "100", "99.99", "100.01");

        HttpResponse<String> opened =
                post(
                        "/api/v1/positions",
                        "{\"symbol\":\"PTAKE\",\"side\":\"BUY\",\"quantity\":10,\"rules\":"
                                + "{\"stopLoss\":{\"percent\":2},\"takeProfit\":{\"percent\":5}}}");

        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject position = Http.json(opened).asJsonObject();
        long id = position.getJsonNumber("id").longValue();
        assertTrue(
                opened.headers()
                        .firstValue("Location")
                        .orElse("")
                        .endsWith("/api/v1/positions/" + id),
                opened.headers().toString());
        assertEquals("OPEN", position.getString("state"));
        assertEquals("BUY", position.getString("side"));
        assertAmount("10", position, "quantity");
        assertAmount("100.02", position, "averagePrice"); // ask 100.01 + 1 tick
        JsonObject rules = position.getJsonObject("rules");
        assertAmount("2", rules.getJsonObject("stopLoss"), "percent");
        JsonObject target = rules.getJsonArray("takeProfit").getJsonObject(0);
        assertAmount("5", target, "percent");
        assertAmount("1", target, "fraction");
        assertEquals(1, rules.getJsonArray("takeProfit").size());
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, position.getJsonArray("triggers"));
        assertAmount("98.0196", position, "stopLevel"); // 100.02 × 0.98
        assertAmount("105.021", position, "targetLevel"); // 100.02 × 1.05

        hold("PTAKE", "105.03", "105.02", "105.04");

        JsonObject closed = await(id, p -> p.getString("state").equals("CLOSED"));
        assertAmount("0", closed, "quantity");
        assertAmount("49.9", closed, "realizedPnl"); // (105.01 − 100.02) × 10
        JsonObject trigger = only(closed.getJsonArray("triggers"));
        assertEquals("TAKE_PROFIT:1", trigger.getString("rule"));
        assertEquals("FILLED", trigger.getString("state"));
        assertEquals("x-" + id + "-TAKE_PROFIT.1-1", trigger.getString("clientOrderId"));
        assertAmount("10", trigger, "filledQuantity");
        assertAmount("105.021", trigger, "triggerLevel");
        assertAmount("105.03", trigger, "triggerPrice");
        assertAmount("105.01", trigger, "fillPrice"); // bid 105.02 − 1 tick
        assertAmount("0.02", trigger, "slippage"); // 105.03 − 105.01
    }

    @Test
    void aLadderTakesHalfAtFivePercentAndTheRestAtTen() throws InterruptedException {
        hold("PLADR", "100", "99.99", "100.01");
        long id =
                open(
                        "{\"symbol\":\"PLADR\",\"side\":\"BUY\",\"quantity\":10,\"rules\":{"
                                + "\"takeProfit\":[{\"percent\":5,\"fraction\":0.5},"
                                + "{\"percent\":10,\"fraction\":0.5}]}}");

        hold("PLADR", "105.03", "105.02", "105.04");

        JsonObject half = await(id, p -> p.getJsonNumber("quantity").intValue() == 5);
        assertEquals("OPEN", half.getString("state"));
        assertEquals("TAKE_PROFIT:1", only(half.getJsonArray("triggers")).getString("rule"));
        assertAmount("24.95", half, "realizedPnl"); // (105.01 − 100.02) × 5
        assertAmount("110.022", half, "targetLevel"); // 100.02 × 1.10

        hold("PLADR", "110.03", "110.02", "110.04");

        JsonObject closed = await(id, p -> p.getString("state").equals("CLOSED"));
        JsonArray triggers = closed.getJsonArray("triggers");
        assertEquals(
                List.of("TAKE_PROFIT:1", "TAKE_PROFIT:2"),
                triggers.stream().map(t -> t.asJsonObject().getString("rule")).sorted().toList());
        assertAmount("74.9", closed, "realizedPnl"); // 24.95 + (110.01 − 100.02) × 5
    }

    @Test
    void aShortsStopClosesItWhenThePriceRisesThroughIt() throws InterruptedException {
        hold("PSHRT", "50", "49.99", "50.01");
        HttpResponse<String> opened =
                post(
                        "/api/v1/positions",
                        "{\"symbol\":\"PSHRT\",\"side\":\"SELL\",\"quantity\":10,"
                                + "\"rules\":{\"stopLoss\":{\"percent\":2}}}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject position = Http.json(opened).asJsonObject();
        long id = position.getJsonNumber("id").longValue();
        assertAmount("-10", position, "quantity");
        assertAmount("49.98", position, "averagePrice"); // bid 49.99 − 1 tick
        assertAmount("50.9796", position, "stopLevel"); // 49.98 × 1.02

        hold("PSHRT", "51", "50.99", "51.01");

        JsonObject closed = await(id, p -> p.getString("state").equals("CLOSED"));
        JsonObject trigger = only(closed.getJsonArray("triggers"));
        assertEquals("STOP_LOSS", trigger.getString("rule"));
        assertAmount("50.9796", trigger, "triggerLevel");
        assertAmount("51", trigger, "triggerPrice");
        assertAmount("51.02", trigger, "fillPrice"); // ask 51.01 + 1 tick
        assertAmount("0.02", trigger, "slippage"); // bought 0.02 above 51
        assertAmount("-10.4", closed, "realizedPnl"); // (49.98 − 51.02) × 10
    }

    @Test
    void aTrailingStopFollowsTheBestPriceOnceActivatedAndClosesOnTheTurn()
            throws InterruptedException {
        hold("PTRAL", "100", "99.99", "100.01");
        long id =
                open(
                        "{\"symbol\":\"PTRAL\",\"side\":\"BUY\",\"quantity\":10,\"rules\":"
                                + "{\"trailing\":{\"percent\":1,\"activationPercent\":2}}}");

        JsonObject below = priced(id, "PTRAL", "101");
        assertFalse(below.containsKey("stopLevel"), "0.98 % gained, not yet active: " + below);
        assertAmount("101.475", priced(id, "PTRAL", "102.5"), "stopLevel"); // 102.5 × 0.99
        assertAmount("101.97", priced(id, "PTRAL", "103"), "stopLevel"); // 103 × 0.99
        JsonObject back = priced(id, "PTRAL", "102.5");
        assertAmount("101.97", back, "stopLevel");
        assertEquals("OPEN", back.getString("state"));

        hold("PTRAL", "101.9", "101.89", "101.91");

        JsonObject closed = await(id, p -> p.getString("state").equals("CLOSED"));
        JsonObject trigger = only(closed.getJsonArray("triggers"));
        assertEquals("TRAILING_STOP", trigger.getString("rule"));
        assertAmount("101.97", trigger, "triggerLevel");
        assertAmount("101.88", trigger, "fillPrice");
        assertAmount("18.6", closed, "realizedPnl"); // (101.88 − 100.02) × 10
    }

    @Test
    void rulesChangeWhileOpenAndAManualCloseHappensOnce() throws InterruptedException {
        hold("PRULE", "100", "99.99", "100.01");
        long id =
                open(
                        "{\"symbol\":\"PRULE\",\"side\":\"BUY\",\"quantity\":10,"
                                + "\"rules\":{\"stopLoss\":{\"percent\":2}}}");

        HttpResponse<String> changed =
                send("PUT", "/api/v1/positions/" + id + "/rules", "{\"stopLoss\":{\"percent\":5}}");

        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject wider = Http.json(changed).asJsonObject();
        assertAmount("5", wider.getJsonObject("rules").getJsonObject("stopLoss"), "percent");
        assertAmount("95.019", wider, "stopLevel"); // 100.02 × 0.95

        HttpResponse<String> close = post("/api/v1/positions/" + id + "/close", null);

        assertEquals(200, close.statusCode(), close.body());
        JsonObject closing = Http.json(close).asJsonObject();
        assertTrue(List.of("CLOSING", "CLOSED").contains(closing.getString("state")), close.body());
        assertEquals("MANUAL", only(closing.getJsonArray("triggers")).getString("rule"));
        JsonObject closed = await(id, p -> p.getString("state").equals("CLOSED"));
        JsonObject manual = only(closed.getJsonArray("triggers"));
        assertAmount("100", manual, "triggerPrice");
        assertAmount("99.98", manual, "fillPrice"); // bid 99.99 − 1 tick
        assertAmount("0.02", manual, "slippage");
        assertAmount("-0.4", closed, "realizedPnl"); // (99.98 − 100.02) × 10

        HttpResponse<String> again = post("/api/v1/positions/" + id + "/close", null);
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("position_refused", code(again));
        HttpResponse<String> late =
                send("PUT", "/api/v1/positions/" + id + "/rules", "{\"stopLoss\":{\"percent\":3}}");
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("position_refused", code(late));
        assertEquals(closed.getJsonObject("rules"), position(id).getJsonObject("rules"));
        assertEquals(1, position(id).getJsonArray("triggers").size(), "closed once");
    }

    @Test
    void aListOfOneStateHoldsOnlyThatStateAndAnUnknownStateIsNamed() throws InterruptedException {
        hold("PLIST", "100", "99.99", "100.01");
        long id = open("{\"symbol\":\"PLIST\",\"side\":\"BUY\",\"quantity\":1}");

        JsonArray open = list("?state=OPEN&limit=500");
        assertTrue(
                open.stream().allMatch(p -> p.asJsonObject().getString("state").equals("OPEN")),
                open.toString());
        assertTrue(ids(open).contains(id), open.toString());

        post("/api/v1/positions/" + id + "/close", null);
        await(id, p -> p.getString("state").equals("CLOSED"));
        assertFalse(ids(list("?state=open&limit=500")).contains(id));
        JsonArray closed = list("?state=CLOSED&limit=500");
        assertTrue(
                closed.stream()
                        .allMatch(p -> p.asJsonObject().getString("state").equals("CLOSED")));
        assertTrue(ids(closed).contains(id));

        HttpResponse<String> bad = Http.getAsAdmin(url("/api/v1/positions?state=SHUT"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("invalid_position", code(bad));
        assertEquals("state", field(bad));
        HttpResponse<String> tooMany = Http.getAsAdmin(url("/api/v1/positions?limit=501"));
        assertEquals(400, tooMany.statusCode(), tooMany.body());
        assertEquals("limit", field(tooMany));
    }

    @Test
    void exitDefaultsRoundTripAndAPositionWithoutRulesGetsThem() throws InterruptedException {
        JsonObject before = Http.json(Http.getAsAdmin(url("/api/v1/exit-defaults"))).asJsonObject();
        try {
            HttpResponse<String> put =
                    send(
                            "PUT",
                            "/api/v1/exit-defaults",
                            "{\"stopLoss\":{\"percent\":3},\"takeProfit\":[{\"percent\":5,"
                                    + "\"fraction\":0.5},{\"percent\":10,\"fraction\":0.5}]}");
            assertEquals(200, put.statusCode(), put.body());
            JsonObject stored = Http.json(put).asJsonObject();
            assertAmount("3", stored.getJsonObject("stopLoss"), "percent");
            assertEquals(2, stored.getJsonArray("takeProfit").size());
            assertEquals("LAST", stored.getString("triggerPrice"));
            assertEquals(stored, Http.json(Http.getAsAdmin(url("/api/v1/exit-defaults"))));

            hold("PDFLT", "100", "99.99", "100.01");
            long id = open("{\"symbol\":\"PDFLT\",\"side\":\"BUY\",\"quantity\":4}");

            JsonObject position = position(id);
            assertEquals(stored, position.getJsonObject("rules"));
            assertAmount("97.0194", position, "stopLevel"); // 100.02 × 0.97
            assertAmount("105.021", position, "targetLevel"); // 100.02 × 1.05
        } finally {
            send("PUT", "/api/v1/exit-defaults", before.toString());
        }
        assertEquals(before, Http.json(Http.getAsAdmin(url("/api/v1/exit-defaults"))));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        hold("PBAD", "100", "99.99", "100.01");
        JsonObject defaults =
                Http.json(Http.getAsAdmin(url("/api/v1/exit-defaults"))).asJsonObject();
        long before = count();
        for (List<String> refused :
                List.of(
                        List.of(
                                "{\"symbol\":\"PBAD\",\"side\":\"BUY\",\"quantity\":10,"
                                        + "\"rules\":{\"stopLoss\":{\"price\":101}}}",
                                "rules.stopLoss.price"),
                        List.of(
                                "{\"symbol\":\"PBAD\",\"side\":\"BUY\",\"quantity\":-3}",
                                "quantity"),
                        List.of(
                                "{\"symbol\":\"NOSUCHSYM\",\"side\":\"BUY\",\"quantity\":1}",
                                "symbol"),
                        List.of(
                                "{\"symbol\":\"PBAD\",\"side\":\"BUY\",\"quantity\":1,"
                                        + "\"colour\":\"red\"}",
                                "colour"),
                        List.of(
                                "{\"symbol\":\"PBAD\",\"side\":\"BUY\",\"quantity\":1,"
                                        + "\"rules\":{\"takeProfit\":[{\"percent\":5,"
                                        + "\"fraction\":0.7},{\"percent\":10,\"fraction\":0.7}]}}",
                                "rules.takeProfit"),
                        List.of(
                                "{\"symbol\":\"PBAD\",\"side\":\"BUY\",\"quantity\":1,"
                                        + "\"rules\":{\"stopLos\":{\"percent\":2}}}",
                                "rules.stopLos"),
                        List.of(
                                "{\"symbol\":\"PBAD\",\"side\":\"BUY\",\"quantity\":1,"
                                        + "\"rules\":{\"trailing\":{\"percent\":1,"
                                        + "\"activationPercent\":-1}}}",
                                "rules.trailing.activationPercent"))) {
            HttpResponse<String> answer = post("/api/v1/positions", refused.get(0));

            assertEquals(400, answer.statusCode(), answer.body());
            assertEquals(
                    "application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals("invalid_position", code(answer), answer.body());
            assertEquals(refused.get(1), field(answer), answer.body());
        }
        HttpResponse<String> badDefaults =
                send("PUT", "/api/v1/exit-defaults", "{\"stopLoss\":{\"percent\":100}}");
        assertEquals(400, badDefaults.statusCode(), badDefaults.body());
        assertEquals("rules.stopLoss", field(badDefaults));

        for (HttpResponse<String> anonymous :
                List.of(
                        Http.get(url("/api/v1/positions")),
                        Http.get(url("/api/v1/positions/holdings")),
                        Http.get(url("/api/v1/exit-defaults")),
                        anonymous(
                                "POST",
                                "/api/v1/positions",
                                "{\"symbol\":\"PBAD\",\"side\":\"BUY\",\"quantity\":1}"),
                        anonymous("PUT", "/api/v1/exit-defaults", "{}"),
                        anonymous("PUT", "/api/v1/positions/1/rules", "{}"),
                        anonymous("POST", "/api/v1/positions/1/close", null))) {
            assertEquals(401, anonymous.statusCode(), anonymous.body());
            assertEquals("unauthorized", code(anonymous));
        }

        assertEquals(before, count(), "nothing stored");
        assertEquals(defaults, Http.json(Http.getAsAdmin(url("/api/v1/exit-defaults"))));
    }

    @Test
    void holdingsShowThePositionsSumPerSymbolAndNoBrokerFigureWithThePaperBroker()
            throws InterruptedException {
        hold("PHOLD", "100", "99.99", "100.01");
        open("{\"symbol\":\"PHOLD\",\"side\":\"BUY\",\"quantity\":10}");
        open("{\"symbol\":\"PHOLD\",\"side\":\"SELL\",\"quantity\":3}");

        HttpResponse<String> answer = Http.getAsAdmin(url("/api/v1/positions/holdings"));

        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject row =
                Http.json(answer).asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(h -> h.getString("symbol").equals("PHOLD"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(answer.body()));
        assertEquals("paper", row.getString("account"));
        assertAmount("7", row, "positionsQuantity"); // 10 long less 3 short
        assertFalse(row.containsKey("brokerQuantity"), row.toString());
        assertFalse(row.containsKey("unexplained"), row.toString());
        assertEquals(JsonValue.FALSE, row.get("differs"));

        HttpResponse<String> adopt = post("/api/v1/positions/holdings/PHOLD/adopt", null);
        assertEquals(409, adopt.statusCode(), adopt.body());
        assertEquals("position_refused", code(adopt));
    }

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
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> injected = post("/api/v1/sim/ticks", tick);
        while (injected.statusCode() != 200 && System.nanoTime() < deadline) {
            sleep(100); // a symbol just watched is streamed a moment later
            injected = post("/api/v1/sim/ticks", tick);
        }
        assertEquals(200, injected.statusCode(), injected.body());
    }

    /** Holds the price at {@code last} (a spread of a tick each side) and waits for the engine. */
    private static JsonObject priced(long id, String symbol, String last)
            throws InterruptedException {
        BigDecimal price = new BigDecimal(last);
        BigDecimal tick = new BigDecimal("0.01");
        hold(symbol, last, price.subtract(tick).toPlainString(), price.add(tick).toPlainString());
        return await(
                id,
                p ->
                        p.containsKey("currentPrice")
                                && p.getJsonNumber("currentPrice")
                                                .bigDecimalValue()
                                                .compareTo(price)
                                        == 0);
    }

    private static long open(String body) {
        HttpResponse<String> opened = post("/api/v1/positions", body);
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject position = Http.json(opened).asJsonObject();
        assertEquals("OPEN", position.getString("state"), opened.body());
        return position.getJsonNumber("id").longValue();
    }

    private static JsonObject position(long id) {
        HttpResponse<String> answer = Http.getAsAdmin(url("/api/v1/positions/" + id));
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.json(answer).asJsonObject();
    }

    private static JsonObject await(long id, Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonObject last = position(id);
        while (!wanted.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("position " + id + " within " + PATIENCE + ": " + last);
            }
            Thread.sleep(50);
            last = position(id);
        }
        return last;
    }

    private static JsonArray list(String query) {
        HttpResponse<String> answer = Http.getAsAdmin(url("/api/v1/positions" + query));
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.json(answer).asJsonArray();
    }

    private static List<Long> ids(JsonArray positions) {
        return positions.stream()
                .map(p -> p.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    /** Positions of this test's symbols: other tests may open their own meanwhile. */
    private static long count() {
        return list("?limit=500").stream()
                .filter(p -> SYMBOLS.contains(p.asJsonObject().getString("symbol")))
                .count();
    }

    private static JsonObject only(JsonArray array) {
        assertEquals(1, array.size(), array.toString());
        return array.getJsonObject(0);
    }

    private static void assertAmount(String expected, JsonObject o, String field) {
        assertTrue(o.containsKey(field), field + " in " + o);
        BigDecimal actual = o.getJsonNumber(field).bigDecimalValue();
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), field + " " + actual + " in " + o);
    }

    private static String code(HttpResponse<String> answer) {
        return Http.json(answer).asJsonObject().getString("code");
    }

    private static String field(HttpResponse<String> answer) {
        return Http.json(answer)
                .asJsonObject()
                .getJsonArray("errors")
                .getJsonObject(0)
                .getString("field");
    }

    private static String url(String path) {
        return SERVER.baseUrl() + path;
    }

    private static HttpResponse<String> post(String path, String json) {
        return send("POST", path, json, true);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, true);
    }

    private static HttpResponse<String> anonymous(String method, String path, String json) {
        return send(method, path, json, false);
    }

    private static HttpResponse<String> send(
            String method, String path, String json, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (withToken) {
            request.header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(
                request.method(
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

package org.tickerdesk.copytrading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.AdminSession;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Copy trading end to end on the real jar with the paper broker: a followed trader's signed webhook
 * trade is copied once however often it is delivered (one order, one position guarded by the
 * trader's rules); a trade over a cap and a trade while the trader is disabled are skipped with
 * their reasons; a bad signature, an unknown trader and a malformed trade are refused as problems
 * and copy nothing. The symbol is a synthetic stock of the simulated market (open around the clock)
 * whose price the test holds: bid 99.99, ask 100.01.
 */
class CopyTradingIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final String PROBLEM = "application/problem+json";
    private static final String SYMBOL = "CTCOPY";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @BeforeAll
    static void watchAndHoldThePrice() throws InterruptedException {
        HttpResponse<String> watched =
                admin("POST", "/api/v1/instruments", AroundTheClock.instrument(SYMBOL));
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
        String tick =
                "{\"symbol\":\""
                        + SYMBOL
                        + "\",\"last\":100,\"bid\":99.99,\"ask\":100.01,"
                        + "\"hold\":true}";
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> held = admin("POST", "/api/v1/sim/ticks", tick);
        while (held.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100); // a symbol just watched is streamed a moment later
            held = admin("POST", "/api/v1/sim/ticks", tick);
        }
        assertEquals(200, held.statusCode(), held.body());
    }

    @AfterAll
    static void closeAndUnwatch() {
        for (JsonValue p :
                Http.json(admin("GET", "/api/v1/positions?state=OPEN&limit=500", null))
                        .asJsonArray()) {
            if (p.asJsonObject().getString("symbol").equals(SYMBOL)) {
                admin(
                        "POST",
                        "/api/v1/positions/" + p.asJsonObject().getInt("id") + "/close",
                        null);
            }
        }
        admin("DELETE", "/api/v1/sim/holds/" + SYMBOL, null);
        admin("DELETE", "/api/v1/instruments/" + SYMBOL, null);
    }

    /** A trader followed by webhook, created over REST; its id and its secret. */
    private record Leader(long id, String secret) {}

    private static Leader follow(String name, String more) {
        HttpResponse<String> created =
                admin(
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\""
                                + name
                                + "-"
                                + System.nanoTime()
                                + "\",\"feed\":\"webhook\",\"allocation\":100000,"
                                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}"
                                + more
                                + "}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject trader = Http.json(created).asJsonObject();
        return new Leader(trader.getJsonNumber("id").longValue(), trader.getString("secret"));
    }

    private static String trade(String tradeId, String quantity) {
        return trade(tradeId, "BUY", quantity);
    }

    private static String trade(String tradeId, String side, String quantity) {
        return "{\"tradeId\":\""
                + tradeId
                + "\",\"symbol\":\""
                + SYMBOL
                + "\",\"side\":\""
                + side
                + "\",\"quantity\":"
                + quantity
                + ",\"price\":100,\"time\":\""
                + Instant.now()
                + "\"}";
    }

    @Test
    void aSignedTradeIsCopiedOnceEvenWhenDeliveredThreeTimes() throws InterruptedException {
        Leader alice = follow("Alice", ",\"rules\":{\"stopLoss\":{\"percent\":5}}");
        String body = trade("t-1", "10");

        List<HttpResponse<String>> answers =
                List.of(signed(alice, body), signed(alice, body), signed(alice, body));

        JsonObject first = Http.json(answers.get(0)).asJsonObject();
        for (HttpResponse<String> answer : answers) {
            assertEquals(202, answer.statusCode(), answer.body());
            JsonObject entry = Http.json(answer).asJsonObject();
            assertEquals(first.getJsonNumber("id"), entry.getJsonNumber("id"));
            assertEquals("COPIED", entry.getString("status"), entry.toString());
        }
        assertEquals("t-1", first.getString("tradeId"));
        assertAmount("5", first, "copyQuantity"); // 10 × 0.5
        assertEquals("BUY", first.getString("copySide"));
        assertEquals("OPENS", first.getString("copyEffect"));
        assertAmount("100.01", first, "copyPrice"); // the ask
        String orderId = first.getString("clientOrderId");
        assertTrue(orderId.startsWith("cp-" + alice.id() + "-"), orderId);

        long orders =
                Http.json(admin("GET", "/api/v1/orders?limit=500", null)).asJsonArray().stream()
                        .filter(o -> o.asJsonObject().getString("clientOrderId").equals(orderId))
                        .count();
        assertEquals(1, orders);
        JsonObject position = awaitPosition(orderId);
        assertEquals("OPEN", position.getString("state"), position.toString());
        assertAmount("5", position, "quantity");
        assertAmount("100.02", position, "averagePrice"); // the ask + one tick
        assertAmount("5", position.getJsonObject("rules").getJsonObject("stopLoss"), "percent");
        assertAmount("95.019", position, "stopLevel"); // 100.02 × 0.95

        JsonArray intake = intake(alice, "");
        assertEquals(1, intake.size(), intake.toString());
        assertEquals("COPIED", intake.getJsonObject(0).getString("status"));

        AdminSession admin =
                AdminSession.logIn(SERVER.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        String page = admin.get("/admin/trader.xhtml?id=" + alice.id()).body();
        assertTrue(page.contains("id=\"copiedPositions\""), page);
        assertTrue(page.contains(orderId), "the copied position's entry order is shown");
    }

    @Test
    void theLeadersExitsCloseTheSameShareOfTheCopiedPosition() throws InterruptedException {
        Leader dave = follow("Dave", "");
        JsonObject bought = Http.json(signed(dave, trade("d-1", "BUY", "10"))).asJsonObject();
        assertEquals("COPIED", bought.getString("status"), bought.toString());
        long id = awaitPosition(bought.getString("clientOrderId")).getJsonNumber("id").longValue();

        // the leader sells 4 of their 10: 40 % of the 5 copied, rounded down, is 2
        JsonObject reduced = Http.json(signed(dave, trade("d-2", "SELL", "4"))).asJsonObject();
        assertEquals("COPIED", reduced.getString("status"), reduced.toString());
        assertEquals("REDUCES", reduced.getString("copyEffect"));
        assertEquals("SELL", reduced.getString("copySide"));
        assertAmount("2", reduced, "copyQuantity");
        assertEquals(
                "x-" + id + "-COPY." + reduced.getJsonNumber("id") + "-1",
                reduced.getString("clientOrderId"));
        JsonObject three = awaitQuantity(id, "3");
        assertEquals("OPEN", three.getString("state"));

        // and then the other 6, all they had left: all that is copied is closed
        JsonObject closed = Http.json(signed(dave, trade("d-3", "SELL", "6"))).asJsonObject();
        assertEquals("COPIED", closed.getString("status"), closed.toString());
        assertAmount("3", closed, "copyQuantity");
        assertEquals("CLOSED", awaitQuantity(id, "0").getString("state"));

        // a fourth sell finds the leader flat: it opens a short, copied as one
        JsonObject shorted = Http.json(signed(dave, trade("d-4", "SELL", "2"))).asJsonObject();
        assertEquals("OPENS", shorted.getString("copyEffect"), shorted.toString());
    }

    private static JsonObject awaitQuantity(long id, String quantity) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonObject p = Http.json(admin("GET", "/api/v1/positions/" + id, null)).asJsonObject();
            if (p.getJsonNumber("quantity").bigDecimalValue().compareTo(new BigDecimal(quantity))
                    == 0) {
                return p;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("position " + id + " never held " + quantity + ": " + p);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aTradeOverTheCapPerTradeIsSkippedWithTheReason() {
        Leader capped = follow("Capped", ",\"caps\":{\"perTrade\":50}");

        HttpResponse<String> answer = signed(capped, trade("t-cap", "10"));

        assertEquals(202, answer.statusCode(), answer.body());
        JsonObject entry = Http.json(answer).asJsonObject();
        assertEquals("SKIPPED", entry.getString("status"));
        assertEquals("OVER_TRADE_CAP", entry.getString("reason"));
        assertEquals("over the cap per trade", entry.getString("reasonText"));
        assertEquals(JsonValue.NULL, entry.get("clientOrderId"));
        JsonArray skipped = intake(capped, "?status=SKIPPED");
        assertEquals(1, skipped.size());
        assertEquals("OVER_TRADE_CAP", skipped.getJsonObject(0).getString("reason"));
        assertEquals(0, intake(capped, "?status=COPIED").size());
        assertNoPositions(capped);

        AdminSession admin =
                AdminSession.logIn(SERVER.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/trader.xhtml?id=" + capped.id());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"intakeTable\""), page.body());
        assertTrue(page.body().contains("over the cap per trade"), "the reason is on the page");
        assertTrue(page.body().contains("Nothing copied is open."), "no copied position");
    }

    @Test
    void aTradeWhileTheTraderIsDisabledIsSkipped() {
        Leader off = follow("Off", "");
        HttpResponse<String> toggled =
                admin("POST", "/api/v1/traders/" + off.id() + "/toggle", null);
        assertEquals(200, toggled.statusCode(), toggled.body());

        HttpResponse<String> answer = signed(off, trade("t-off", "10"));

        assertEquals(202, answer.statusCode(), answer.body());
        JsonObject entry = Http.json(answer).asJsonObject();
        assertEquals("SKIPPED", entry.getString("status"));
        assertEquals("TRADER_DISABLED", entry.getString("reason"));
        assertNoPositions(off);
    }

    @Test
    void badInputIsRefusedAsAProblemAndCopiesNothing() {
        Leader bob = follow("Bob", "");
        String body = trade("t-bad", "10");

        HttpResponse<String> forged = post(bob.id(), body, "sha256=" + "0".repeat(64));
        assertProblem(forged, 401, "bad_signature");
        assertProblem(post(bob.id(), body, null), 401, "bad_signature");
        Leader other = follow("Other", "");
        assertProblem(post(bob.id(), body, sign(other.secret(), body)), 401, "bad_signature");

        assertProblem(post(999_999_999, body, sign(bob.secret(), body)), 404, "unknown_trader");

        String negative = trade("t-neg", "-10");
        JsonObject problem =
                assertProblem(
                        post(bob.id(), negative, sign(bob.secret(), negative)),
                        400,
                        "invalid_trade");
        assertEquals(
                "quantity",
                problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                problem.toString());
        String malformed = "{\"tradeId\":\"t-mal\",";
        assertEquals(400, post(bob.id(), malformed, sign(bob.secret(), malformed)).statusCode());

        assertEquals(0, intake(bob, "").size(), "nothing was taken in");
        assertNoPositions(bob);
    }

    @Test
    void theIntakeIsPrivateAndTheWebhookTakesNoOtherMethod() {
        Leader carol = follow("Carol", "");
        HttpResponse<String> anonymous =
                Http.get(SERVER.baseUrl() + "/api/v1/traders/" + carol.id() + "/intake");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        HttpResponse<String> toggle =
                Http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                SERVER.baseUrl()
                                                        + "/api/v1/traders/"
                                                        + carol.id()
                                                        + "/toggle"))
                                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, toggle.statusCode(), "a toggle still needs the token");
        assertProblem(
                admin("GET", "/api/v1/traders/" + carol.id() + "/intake?status=MAYBE", null),
                400,
                "invalid_trade");
    }

    private static void assertNoPositions(Leader trader) {
        String prefix = "cp-" + trader.id() + "-";
        long copied =
                Http.json(admin("GET", "/api/v1/positions?limit=500", null)).asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(p -> p.get("entryOrderId") instanceof jakarta.json.JsonString)
                        .filter(p -> p.getString("entryOrderId").startsWith(prefix))
                        .count();
        assertEquals(0, copied);
        long orders =
                Http.json(admin("GET", "/api/v1/orders?limit=500", null)).asJsonArray().stream()
                        .filter(o -> o.asJsonObject().getString("clientOrderId").startsWith(prefix))
                        .count();
        assertEquals(0, orders);
    }

    private static JsonObject awaitPosition(String entryOrderId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (JsonValue p :
                    Http.json(admin("GET", "/api/v1/positions?limit=500", null)).asJsonArray()) {
                JsonObject position = p.asJsonObject();
                if (position.get("entryOrderId") instanceof jakarta.json.JsonString id
                        && id.getString().equals(entryOrderId)
                        && position.getString("state").equals("OPEN")) {
                    HttpResponse<String> detail =
                            admin("GET", "/api/v1/positions/" + position.getInt("id"), null);
                    return Http.json(detail).asJsonObject();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no open position for " + entryOrderId);
            }
            Thread.sleep(100);
        }
    }

    private static JsonArray intake(Leader trader, String query) {
        HttpResponse<String> answer =
                admin("GET", "/api/v1/traders/" + trader.id() + "/intake" + query, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return Http.json(answer).asJsonArray();
    }

    private static HttpResponse<String> signed(Leader trader, String body) {
        return post(trader.id(), body, sign(trader.secret(), body));
    }

    /** Without a bearer token: the webhook proves itself by its signature alone. */
    private static HttpResponse<String> post(long traderId, String body, String signature) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create(
                                        SERVER.baseUrl()
                                                + "/api/v1/traders/"
                                                + traderId
                                                + "/trades"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Tickerdesk-Signature", signature);
        }
        return Http.send(request);
    }

    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256="
                    + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
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

    private static JsonObject assertProblem(
            HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
                response.headers().toString());
        JsonObject problem = Http.json(response).asJsonObject();
        assertEquals(code, problem.getString("code"), problem.toString());
        return problem;
    }

    private static void assertAmount(String expected, JsonObject o, String field) {
        assertTrue(o.containsKey(field), field + " in " + o);
        BigDecimal actual = o.getJsonNumber(field).bigDecimalValue();
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), field + " " + actual + " in " + o);
    }
}

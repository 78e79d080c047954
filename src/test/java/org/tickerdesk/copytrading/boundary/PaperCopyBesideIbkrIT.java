package org.tickerdesk.copytrading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.faketws.FakeTwsScript;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.it.AdminSession;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Copy trading on the real jar with IBKR as the configured, live broker (against the fake TWS,
 * which fills every order it gets at 189.53) and the simulated market's prices, held by the test: a
 * trader in paper mode is copied into the paper broker beside IBKR, and everything that position
 * does stays there; a trader not in paper mode is copied to IBKR.
 *
 * <p>The paper broker buys at the ask plus one tick and sells at the bid less one, so with bid
 * 99.99 and ask 100.01 a copy is bought at 100.02 and a reduction sold at 99.98.
 */
class PaperCopyBesideIbkrIT {

    private static final String PAPER_SYMBOL = "PBCOPY";
    private static final String LIVE_SYMBOL = "LBCOPY";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TickerdeskProcess tickerdesk;
    private static FakeTwsServer tws;

    @BeforeAll
    static void startBesideTheFakeTws() throws Exception {
        int port = freePort();
        tws = new FakeTwsServer(187, port);
        tws.fragmentWrites = false;
        tickerdesk =
                new TickerdeskProcess(
                                "paper-beside-ibkr",
                                Map.of(
                                        "TICKERDESK_TRADING", "ibkr",
                                        "TICKERDESK_IBKR_PORT", Integer.toString(port),
                                        "TICKERDESK_IBKR_CLIENT_ID", "9",
                                        "TICKERDESK_IBKR_RECONNECT_MAX_SECONDS", "2"))
                        .clean()
                        .start();
        await(
                "connected to the fake TWS",
                () ->
                        Http.json(Http.get(tickerdesk.baseUrl() + "/api/v1/ibkr/status"))
                                .asJsonObject()
                                .getJsonObject("link")
                                .getBoolean("connected"));
        for (String symbol : new String[] {PAPER_SYMBOL, LIVE_SYMBOL}) {
            HttpResponse<String> watched =
                    admin("POST", "/api/v1/instruments", AroundTheClock.instrument(symbol));
            assertEquals(201, watched.statusCode(), watched.body());
            hold(symbol, "100", "99.99", "100.01");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (tickerdesk != null) {
            tickerdesk.stop();
        }
        if (tws != null) {
            tws.close();
        }
    }

    @Test
    void aPaperTradersCopyIsPlacedFilledHeldAndClosedAtThePaperBrokerBesideIbkr() throws Exception {
        JsonObject broker =
                Http.json(Http.get(tickerdesk.baseUrl() + "/api/v1/broker")).asJsonObject();
        assertEquals("ibkr", broker.getString("name"));
        assertTrue(broker.getBoolean("live"));
        Leader paper =
                follow(
                        "Paper",
                        ",\"paper\":true,\"rules\":{\"stopLoss\":{\"percent\":5}}",
                        PAPER_SYMBOL);

        JsonObject copied =
                Http.json(signed(paper, trade("p-1", PAPER_SYMBOL, "BUY", "10"))).asJsonObject();
        assertEquals("COPIED", copied.getString("status"), copied.toString());
        String entryId = copied.getString("clientOrderId");

        JsonObject entry = awaitOrder(entryId, o -> o.getString("status").equals("FILLED"));
        assertEquals("paper", entry.getString("broker"));
        assertAmount("5", entry, "filledQuantity"); // 10 × 0.5
        assertAmount("100.02", entry, "avgFillPrice"); // the ask 100.01 + one tick
        JsonObject position = awaitPosition(entryId, p -> p.getString("state").equals("OPEN"));
        long id = position.getJsonNumber("id").longValue();
        assertEquals("paper", position.getString("broker"));
        assertAmount("5", position, "quantity");
        assertAmount("95.019", position, "stopLevel"); // 100.02 × 0.95
        assertTrue(
                holdings().stream().noneMatch(h -> h.getString("symbol").equals(PAPER_SYMBOL)),
                "a paper position is no IB holding: " + holdings());

        // the leader sells 4 of their 10: 40 % of the 5 copied is 2, closed the long way
        JsonObject reduced =
                Http.json(signed(paper, trade("p-2", PAPER_SYMBOL, "SELL", "4"))).asJsonObject();
        assertEquals("REDUCES", reduced.getString("copyEffect"), reduced.toString());
        JsonObject reduction =
                awaitOrder(
                        reduced.getString("clientOrderId"),
                        o -> o.getString("status").equals("FILLED"));
        assertEquals("paper", reduction.getString("broker"));
        assertAmount("99.98", reduction, "avgFillPrice"); // the bid 99.99 - one tick
        awaitPosition(entryId, p -> amount(p, "quantity").compareTo(new BigDecimal("3")) == 0);

        // the price falls through the stop: the engine's exit of the other 3 goes to paper too
        hold(PAPER_SYMBOL, "95", "94.99", "95.01");
        JsonObject closed = awaitPosition(entryId, p -> p.getString("state").equals("CLOSED"));
        JsonObject stop =
                awaitOrder("x-" + id + "-STOP_LOSS-1", o -> o.getString("status").equals("FILLED"));
        assertEquals("paper", stop.getString("broker"));
        assertAmount("3", stop, "filledQuantity");
        assertAmount("94.98", stop, "avgFillPrice"); // the bid 94.99 - one tick
        // 2 × (99.98 - 100.02) + 3 × (94.98 - 100.02) = -0.08 - 15.12
        assertAmount("-15.20", closed, "realizedPnl");

        assertTrue(
                tws.executions.stream()
                        .map(FakeTwsScript.Executed::symbol)
                        .noneMatch(PAPER_SYMBOL::equals),
                "nothing of the paper copy reached TWS: " + tws.executions);

        AdminSession admin =
                AdminSession.logIn(tickerdesk.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        String page = admin.get("/admin/orders.xhtml?order=" + entryId).body();
        assertTrue(page.contains("id=\"paperBeside\""), "the page says paper runs beside IBKR");
        assertTrue(page.contains("data-broker=\"ibkr paper\""), "both brokers' orders cancel");
    }

    @Test
    void aTraderNotInPaperModeIsCopiedToIbkr() throws Exception {
        Leader live = follow("Live", "", LIVE_SYMBOL);

        JsonObject copied =
                Http.json(signed(live, trade("l-1", LIVE_SYMBOL, "BUY", "10"))).asJsonObject();
        assertEquals("COPIED", copied.getString("status"), copied.toString());
        String entryId = copied.getString("clientOrderId");

        JsonObject entry = awaitOrder(entryId, o -> o.getString("status").equals("FILLED"));
        assertEquals("ibkr", entry.getString("broker"));
        assertAmount("5", entry, "filledQuantity");
        assertAmount("189.53", entry, "avgFillPrice"); // the fake TWS's fill
        assertTrue(
                tws.executions.stream().anyMatch(e -> e.orderRef().equals(entryId)),
                "TWS filled it under its client order id: " + tws.executions);
        JsonObject position = awaitPosition(entryId, p -> !p.getString("state").equals("PENDING"));
        assertEquals("ibkr", position.getString("broker"));
    }

    /** A trader followed by webhook, created over REST; its id and its secret. */
    private record Leader(long id, String secret) {}

    private static Leader follow(String name, String more, String symbol) {
        HttpResponse<String> created =
                admin(
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\""
                                + name
                                + "-"
                                + symbol
                                + "\",\"feed\":\"webhook\",\"allocation\":100000,"
                                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}"
                                + more
                                + "}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject trader = Http.json(created).asJsonObject();
        return new Leader(trader.getJsonNumber("id").longValue(), trader.getString("secret"));
    }

    private static String trade(String tradeId, String symbol, String side, String quantity) {
        return "{\"tradeId\":\""
                + tradeId
                + "\",\"symbol\":\""
                + symbol
                + "\",\"side\":\""
                + side
                + "\",\"quantity\":"
                + quantity
                + ",\"price\":100,\"time\":\""
                + Instant.now()
                + "\"}";
    }

    private static void hold(String symbol, String last, String bid, String ask)
            throws InterruptedException {
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
        HttpResponse<String> held = admin("POST", "/api/v1/sim/ticks", tick);
        while (held.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100); // a symbol just watched is streamed a moment later
            held = admin("POST", "/api/v1/sim/ticks", tick);
        }
        assertEquals(200, held.statusCode(), held.body());
    }

    private static List<JsonObject> holdings() {
        return Http.json(admin("GET", "/api/v1/positions/holdings", null)).asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    private static JsonObject awaitOrder(String clientOrderId, Predicate<JsonObject> until)
            throws InterruptedException {
        return await(
                "order " + clientOrderId,
                () -> {
                    HttpResponse<String> found =
                            admin("GET", "/api/v1/orders/" + clientOrderId, null);
                    return found.statusCode() == 200
                            ? Optional.of(Http.json(found).asJsonObject())
                            : Optional.empty();
                },
                until);
    }

    private static JsonObject awaitPosition(String entryOrderId, Predicate<JsonObject> until)
            throws InterruptedException {
        return await(
                "the position of " + entryOrderId,
                () ->
                        Http.json(admin("GET", "/api/v1/positions?limit=500", null))
                                .asJsonArray()
                                .stream()
                                .map(JsonValue::asJsonObject)
                                .filter(
                                        p ->
                                                p.get("entryOrderId") instanceof JsonString id
                                                        && id.getString().equals(entryOrderId))
                                .findFirst()
                                .map(
                                        p ->
                                                Http.json(
                                                                admin(
                                                                        "GET",
                                                                        "/api/v1/positions/"
                                                                                + p.getInt("id"),
                                                                        null))
                                                        .asJsonObject()),
                until);
    }

    private static JsonObject await(
            String what, Supplier<Optional<JsonObject>> read, Predicate<JsonObject> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<JsonObject> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (last.isPresent() && until.test(last.get())) {
                return last.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " not as expected within " + PATIENCE + ": " + last);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + PATIENCE);
            }
            Thread.sleep(250);
        }
    }

    private static BigDecimal amount(JsonObject json, String field) {
        return json.getJsonNumber(field).bigDecimalValue();
    }

    private static void assertAmount(String expected, JsonObject json, String field) {
        assertEquals(
                0, new BigDecimal(expected).compareTo(amount(json, field)), field + " of " + json);
    }

    private static HttpResponse<String> signed(Leader trader, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create(
                                        tickerdesk.baseUrl()
                                                + "/api/v1/traders/"
                                                + trader.id()
                                                + "/trades"))
                        .header("Content-Type", "application/json")
                        .header("X-Tickerdesk-Signature", sign(trader.secret(), body))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = Http.send(request);
        assertEquals(202, answer.statusCode(), answer.body());
        return answer;
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
                HttpRequest.newBuilder(URI.create(tickerdesk.baseUrl() + path))
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

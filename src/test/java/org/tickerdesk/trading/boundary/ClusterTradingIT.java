package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.it.ClusterOfTwo.await;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tickerdesk.it.ClusterOfTwo;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Trading in a cluster of two members with the paper broker: whichever member takes an order, the
 * leader's broker fills it once, and the other member's WebSocket clients get the position's live
 * price and the leader's changes to it; positions are guarded by the leader alone; a stop crossed
 * while a frozen leader is replaced, or right after a killed one is, closes its position exactly
 * once, and a frozen leader that wakes up sends nothing more.
 *
 * <p>Prices are injected, held, into the leading member's simulated market (a member that does not
 * lead takes its ticks from the leader, and refuses injected ones). The paper broker buys at the
 * ask and sells at the bid, one tick (0.01) worse: an entry at ask 100.01 costs 100.02, its 1 %
 * stop lies at 99.0198, and a sale at bid 94.99 gets 94.98.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTradingIT {

    private static final String RULES = "{\"stopLoss\":{\"percent\":1}}";
    private static final String ENTRY_TICK = "\"last\":100.00,\"bid\":99.99,\"ask\":100.01";
    private static final String STOP_TICK = "\"last\":95.00,\"bid\":94.99,\"ask\":95.01";

    private static ClusterOfTwo cluster;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        cluster = ClusterOfTwo.withALeader("trading", Map.of());
    }

    @AfterAll
    static void stopThem() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aPositionOpenedOnTheMemberThatDoesNotLeadIsFilledOnceByTheLeadersBroker()
            throws Exception {
        TickerdeskProcess leader = cluster.leaders().get(0);
        TickerdeskProcess follower = cluster.otherThan(leader);
        watch(leader, "CLUSTA");
        tick(leader, "CLUSTA", ENTRY_TICK);
        await(() -> quoted(follower, "CLUSTA"), Duration.ofSeconds(10), "the quote relayed");
        HttpResponse<String> refused = inject(follower, "CLUSTA", ENTRY_TICK);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"not_leading\""), refused.body());
        try (SocketClient client = SocketClient.withToken(follower.webSocketUrl())) {
            client.send("{\"op\":\"subscribe\",\"id\":\"p\",\"streams\":[\"positions\"]}");
            client.await(m -> "ack".equals(m.getString("type", "")), Duration.ofSeconds(10));

            JsonObject position = open(follower, "CLUSTA");

            assertEquals(0, new BigDecimal("100.02").compareTo(number(position, "averagePrice")));
            long id = position.getJsonNumber("id").longValue();
            JsonObject stored = position(leader, id);
            assertEquals(1, stored.getJsonArray("fills").size(), "filled once: " + stored);
            assertEquals(
                    "Orders go to the leading member, which holds the paper broker",
                    getJson(follower, "/api/v1/broker").asJsonObject().getString("detail"));

            tick(leader, "CLUSTA", "\"last\":100.50,\"bid\":100.49,\"ask\":100.51");
            client.await(
                    m -> "price".equals(m.getString("type", "")) && pricedAt(m, id, 100.50),
                    Duration.ofSeconds(15));

            HttpResponse<String> closed =
                    Http.postAsAdmin(leader.baseUrl() + "/api/v1/positions/" + id + "/close", "");
            assertEquals(200, closed.statusCode(), closed.body());
            client.await(
                    m ->
                            "position".equals(m.getString("type", ""))
                                    && m.getJsonObject("data").getJsonNumber("id").longValue() == id
                                    && "CLOSED".equals(m.getJsonObject("data").getString("state")),
                    Duration.ofSeconds(15));
        }
    }

    @Test
    @Order(2)
    void aStopCrossedWhileAFrozenLeaderIsReplacedClosesOnceAndTheWokenLeaderSendsNothing() {
        TickerdeskProcess frozen = quoteOnTheLeader("CLUSTB", ENTRY_TICK);
        TickerdeskProcess other = cluster.otherThan(frozen);
        long id = open(other, "CLUSTB").getJsonNumber("id").longValue();

        ClusterOfTwo.signal("STOP", frozen);
        try {
            await(
                    () -> ClusterOfTwo.leading(other),
                    Duration.ofSeconds(30),
                    "the other member leads");
            tick(other, "CLUSTB", STOP_TICK);
            await(
                    () -> closed(other, id),
                    Duration.ofSeconds(15),
                    () -> "the stop to close it: " + position(other, id));
            sleep(20_000);
        } finally {
            ClusterOfTwo.signal("CONT", frozen);
        }
        List<String> orders = orderIds(other);
        await(
                () -> !ClusterOfTwo.leading(frozen),
                Duration.ofSeconds(30),
                "the woken member steps down");
        sleep(3_000);
        assertEquals(orders, orderIds(other), "no order since the old leader woke");
        checkClosedOnce(other, id);
    }

    @Test
    @Order(3)
    void aStopCrossedRightAfterTheLeaderIsKilledClosesItsPositionOnceOnTheSurvivor()
            throws Exception {
        await(ClusterTradingIT::oneGrid, Duration.ofSeconds(60), "the members' grids merged");
        TickerdeskProcess killed = quoteOnTheLeader("CLUSTC", ENTRY_TICK);
        TickerdeskProcess survivor = cluster.otherThan(killed);
        long id = open(survivor, "CLUSTC").getJsonNumber("id").longValue();

        long kill = System.nanoTime();
        killed.kill();
        await(() -> ClusterOfTwo.leading(survivor), Duration.ofSeconds(10), "the survivor leads");
        tick(survivor, "CLUSTC", STOP_TICK);
        await(
                () -> closed(survivor, id),
                Duration.ofSeconds(15),
                () -> "the stop to close it: " + position(survivor, id));
        System.out.printf(
                "position closed by its stop %d ms after the leader was killed%n",
                (System.nanoTime() - kill) / 1_000_000);
        checkClosedOnce(survivor, id);
    }

    /** Whether a {@code price} message prices position {@code id} at {@code price}. */
    private static boolean pricedAt(JsonObject message, long id, double price) {
        return message.getJsonArray("data").stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(
                        p ->
                                p.getJsonNumber("id").longValue() == id
                                        && p.getJsonNumber("currentPrice") != null
                                        && p.getJsonNumber("currentPrice").doubleValue() == price);
    }

    /** One STOP_LOSS exit, one order for it, filled once at 94.98, nothing else sold. */
    private static void checkClosedOnce(TickerdeskProcess member, long id) {
        JsonObject position = position(member, id);
        String what = "position " + id + ": " + position;
        assertEquals("CLOSED", position.getString("state"), what);
        JsonArray triggers = position.getJsonArray("triggers");
        assertEquals(1, triggers.size(), what);
        assertEquals("STOP_LOSS", triggers.getJsonObject(0).getString("rule"), what);
        Set<String> execIds = new HashSet<>();
        BigDecimal sold = BigDecimal.ZERO;
        for (JsonValue f : position.getJsonArray("fills")) {
            JsonObject fill = f.asJsonObject();
            assertTrue(execIds.add(fill.getString("execId")), what);
            if (number(fill, "quantity").signum() < 0) {
                sold = sold.add(number(fill, "quantity").negate());
                assertEquals(0, new BigDecimal("94.98").compareTo(number(fill, "price")), what);
            }
        }
        assertEquals(0, BigDecimal.TEN.compareTo(sold), "sold once: " + what);
        assertEquals(
                200,
                Http.getAsAdmin(member.baseUrl() + "/api/v1/orders/x-" + id + "-STOP_LOSS-1")
                        .statusCode());
        assertEquals(
                404,
                Http.getAsAdmin(member.baseUrl() + "/api/v1/orders/x-" + id + "-STOP_LOSS-2")
                        .statusCode(),
                "no second attempt");
    }

    private static JsonObject open(TickerdeskProcess member, String symbol) {
        HttpResponse<String> opened =
                Http.postAsAdmin(
                        member.baseUrl() + "/api/v1/positions",
                        "{\"symbol\":\""
                                + symbol
                                + "\",\"side\":\"BUY\",\"quantity\":10,\"rules\":"
                                + RULES
                                + "}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject position = Http.json(opened).asJsonObject();
        assertEquals("OPEN", position.getString("state"), opened.body());
        return position;
    }

    private static JsonObject position(TickerdeskProcess member, long id) {
        return getJson(member, "/api/v1/positions/" + id).asJsonObject();
    }

    private static boolean closed(TickerdeskProcess member, long id) {
        return "CLOSED".equals(position(member, id).getString("state"));
    }

    private static boolean quoted(TickerdeskProcess member, String symbol) {
        return Http.getAsAdmin(member.baseUrl() + "/api/v1/quotes/" + symbol).statusCode() == 200;
    }

    private static List<String> orderIds(TickerdeskProcess member) {
        return getJson(member, "/api/v1/orders?limit=500").asJsonArray().stream()
                .map(o -> o.asJsonObject().getString("clientOrderId"))
                .toList();
    }

    private static void watch(TickerdeskProcess member, String symbol) {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        member.baseUrl() + "/api/v1/instruments",
                        "{\"symbol\":\"" + symbol + "\",\"exchange\":\"PAXOS\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
    }

    private static void tick(TickerdeskProcess member, String symbol, String prices) {
        HttpResponse<String> answer =
                injectOnceServed(
                        member,
                        symbol,
                        prices,
                        System.nanoTime() + Duration.ofSeconds(15).toNanos());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    /**
     * Injects the prices, again while the member answers 404 until {@code deadline}: a symbol just
     * put on the watchlist is served by the simulated market a moment later.
     */
    private static HttpResponse<String> injectOnceServed(
            TickerdeskProcess member, String symbol, String prices, long deadline) {
        HttpResponse<String> answer;
        do {
            answer = inject(member, symbol, prices);
        } while (answer.statusCode() == 404 && System.nanoTime() < deadline && pause());
        return answer;
    }

    /**
     * Watches the symbol and injects the prices, held, into whichever member leads, until both
     * members quote it and that member still leads alone; answers it. Leadership may still move
     * just after the grids merged (for a moment both members may say they lead), and a member
     * refuses prices while it does not lead, so a refused or unrelayed tick is sent again to the
     * member that leads then.
     */
    private static TickerdeskProcess quoteOnTheLeader(String symbol, String prices) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = "no member led";
        while (System.nanoTime() < deadline) {
            List<TickerdeskProcess> leaders = cluster.leaders();
            if (leaders.size() == 1) {
                TickerdeskProcess leader = leaders.get(0);
                watch(leader, symbol);
                HttpResponse<String> answer = injectOnceServed(leader, symbol, prices, deadline);
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200
                        && ClusterOfTwo.within(
                                () ->
                                        quoted(leader, symbol)
                                                && quoted(cluster.otherThan(leader), symbol),
                                Duration.ofSeconds(3))
                        && cluster.leaders().equals(List.of(leader))) {
                    return leader;
                }
            }
            pause();
        }
        throw new AssertionError(symbol + " quoted on both members; last injection: " + last);
    }

    private static HttpResponse<String> inject(
            TickerdeskProcess member, String symbol, String prices) {
        return Http.postAsAdmin(
                member.baseUrl() + "/api/v1/sim/ticks",
                "{\"symbol\":\"" + symbol + "\"," + prices + ",\"hold\":true}");
    }

    /** After a freeze: both members in one grid again, one of them leading. */
    private static boolean oneGrid() {
        return cluster.leaders().size() == 1
                && cluster.members().stream()
                        .allMatch(
                                m -> {
                                    JsonObject view = ClusterOfTwo.view(m);
                                    return view != null && view.getJsonArray("members").size() == 2;
                                });
    }

    private static JsonValue getJson(TickerdeskProcess member, String path) {
        HttpResponse<String> answer = Http.getAsAdmin(member.baseUrl() + path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return Http.json(answer);
    }

    private static BigDecimal number(JsonObject o, String name) {
        return o.getJsonNumber(name).bigDecimalValue();
    }

    private static boolean pause() {
        sleep(100);
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

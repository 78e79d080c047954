package org.tickerdesk.copytrading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.control.CopyStatistics;
import org.tickerdesk.copytrading.entity.CopiedTrade;
import org.tickerdesk.copytrading.entity.CopyPerformance;
import org.tickerdesk.it.TickerdeskProcess;
import org.tickerdesk.trading.entity.Side;

/**
 * {@code GET /api/v1/traders/performance} on the real jar, on its own server (it writes positions
 * that other tests would count): two traders' trades and copied positions written straight into the
 * database, the figures worked out by hand, and a second read within the 2 seconds answered from
 * the cache, unchanged by a trade written in between, which the read after the cache expired
 * counts; a fill written into an entry later is counted by the read after that.
 */
class TraderPerformanceIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static TickerdeskProcess server;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = new TickerdeskProcess("trader-performance", Map.of()).clean().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            TickerdeskProcess.deleteRecursively(server.dataDir());
        }
    }

    @Test
    void theFiguresAreWorkedOutByHandAndASecondReadIsCached() throws Exception {
        long alice = create("Perf Alice");
        long bob = create("Perf Bob");
        try (Connection db =
                DriverManager.getConnection(
                        server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "")) {
            // Alice: a buy copied and filled 2 above, a partial sell copied and filled 5 below,
            // a buy over a cap skipped, a buy copied whose order has not filled.
            intake(db, alice, "a1", "AAPL", "BUY", "10", "100", 0, "COPIED", 200, 300, "100.02");
            intake(db, alice, "a2", "AAPL", "SELL", "4", "110", 60, "COPIED", 100, 500, "109.95");
            intake(db, alice, "a3", "MSFT", "BUY", "1", "300", 120, "SKIPPED", 0, 0, null);
            intake(db, alice, "a4", "AAPL", "BUY", "2", "105", 180, "COPIED", 400, 0, null);
            // Bob: a short copied and filled 10 cents below, its cover skipped.
            intake(db, bob, "b1", "TSLA", "SELL", "3", "200", 0, "COPIED", 50, 80, "199.90");
            intake(db, bob, "b2", "TSLA", "BUY", "3", "190", 30, "SKIPPED", 0, 0, null);
            // Alice's book: a win of 12.5 − 0.5, a loss of 1 − 2, one open with 3 − 0.25
            // realised by a partial exit and 4.75 unrealised.
            position(db, alice, "CLOSED", "12.5", "0.5", null);
            position(db, alice, "CLOSED", "1", "2", null);
            position(db, alice, "OPEN", "3", "0.25", "4.75");
        }
        Instant written = Instant.now();
        JsonObject first = readAfter(written);
        JsonObject a = trader(first, alice);
        // AAPL: sold 4 × 110 = 440, bought 1,000 + 210 = 1,210, 8 held at 105: 70 (FIFO: 4 × 10
        // realised, 6 × 5 + 2 × 0 open); MSFT: 300 bought, 1 held at 300: 0.
        assertNumber("70", a, "leaderPnl");
        // 12 − 1 + 2.75 + 4.75
        assertNumber("18.5", a, "copiedPnl");
        assertNumber("50", a, "winRatePercent");
        assertEquals(2, a.getInt("closed"));
        assertEquals(1, a.getInt("wins"));
        assertEquals(3, a.getInt("copied"));
        assertEquals(1, a.getInt("skipped"));
        assertEquals(2, a.getInt("filled"));
        // to the order 200, 100, 400 ms: ranks ⌈1.5⌉ = 2 and ⌈2.85⌉ = 3 of 100, 200, 400
        assertNumber("200", a, "delayToOrderMsP50");
        assertNumber("400", a, "delayToOrderMsP95");
        assertNumber("300", a, "delayToFillMsP50");
        assertNumber("500", a, "delayToFillMsP95");
        // a buy 0.02 over, a sell 0.05 under: 2 bps of 100, 0.05 / 110 × 10,000 = 4.545… = 4.55
        assertNumber("0.02", a, "slippageP50");
        assertNumber("0.05", a, "slippageP95");
        assertNumber("2", a, "slippageBpsP50");
        assertNumber("4.55", a, "slippageBpsP95");
        // the database's percentiles are CopyStatistics' on the same trades
        CopyPerformance expected =
                CopyStatistics.of(
                        List.of(
                                copied(0, "100", 200, 300, "100.02", Side.BUY),
                                copied(60, "110", 100, 500, "109.95", Side.SELL),
                                copied(180, "105", 400, 0, null, Side.BUY)),
                        1,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO);
        assertNumber(millis(expected.delayToOrderP50()), a, "delayToOrderMsP50");
        assertNumber(millis(expected.delayToFillP95()), a, "delayToFillMsP95");
        assertNumber(expected.slippageP95().toPlainString(), a, "slippageP95");
        assertNumber(expected.slippageBpsP95().toPlainString(), a, "slippageBpsP95");

        JsonObject b = trader(first, bob);
        // sold 600, bought 570, flat: 30
        assertNumber("30", b, "leaderPnl");
        assertNumber("0", b, "copiedPnl");
        assertTrue(b.isNull("winRatePercent"), b.toString());
        assertEquals(1, b.getInt("copied"));
        assertEquals(1, b.getInt("skipped"));
        assertNumber("50", b, "delayToOrderMsP95");
        assertNumber("80", b, "delayToFillMsP50");
        assertNumber("0.1", b, "slippageP50");
        assertNumber("5", b, "slippageBpsP50");

        try (Connection db =
                DriverManager.getConnection(
                        server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "")) {
            intake(db, bob, "b3", "TSLA", "BUY", "1", "190", 60, "SKIPPED", 0, 0, null);
        }
        Instant computed = Instant.parse(first.getString("computedAt"));
        JsonObject second = read();
        if (Duration.between(computed, Instant.now()).toMillis() < 1_900) {
            assertEquals(first.getString("computedAt"), second.getString("computedAt"));
            assertEquals(1, trader(second, bob).getInt("skipped"), "served from the cache");
        }
        JsonObject later = readAfter(computed);
        assertEquals(2, trader(later, bob).getInt("skipped"), "computed again after expiry");
        assertTrue(
                Duration.between(computed, Instant.parse(later.getString("computedAt"))).toMillis()
                        >= 2_000,
                "kept 2 seconds: " + computed + " then " + later.getString("computedAt"));
        // Alice's intake did not change: her figures as computed the first time
        assertEquals(a, trader(later, alice));

        // Alice's unfilled buy a4 (100 of 105, ordered after 400 ms) fills 450 ms after the trade
        // at 105.03: a change of an entry, not a new one, is counted too
        try (Connection db =
                        DriverManager.getConnection(
                                server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
                PreparedStatement fill =
                        db.prepareStatement(
                                "UPDATE copy_intake SET filled_at = ?, fill_price = 105.03,"
                                        + " version = version + 1 WHERE trader_id = ? AND"
                                        + " trade_id = 'a4'")) {
            fill.setTimestamp(1, Timestamp.from(T0.plusSeconds(180).plusMillis(450)));
            fill.setLong(2, alice);
            assertEquals(1, fill.executeUpdate());
        }
        JsonObject filled = trader(readAfter(Instant.parse(later.getString("computedAt"))), alice);
        assertEquals(3, filled.getInt("filled"));
        // to the fill 300, 450, 500 ms: rank 2 and rank 3
        assertNumber("450", filled, "delayToFillMsP50");
        assertNumber("500", filled, "delayToFillMsP95");
        // 0.02, 0.03, 0.05; in bps 2, 2.86 (0.03 / 105 × 10,000 = 2.857…), 4.55
        assertNumber("0.03", filled, "slippageP50");
        assertNumber("0.05", filled, "slippageP95");
        assertNumber("2.86", filled, "slippageBpsP50");
        assertNumber("4.55", filled, "slippageBpsP95");
        assertNumber("200", filled, "delayToOrderMsP50");
    }

    private static CopiedTrade copied(
            int second, String price, int toOrder, int toFill, String fill, Side side) {
        Instant traded = T0.plusSeconds(second);
        return new CopiedTrade(
                traded,
                new BigDecimal(price),
                traded.plusMillis(toOrder),
                fill == null ? null : traded.plusMillis(toFill),
                fill == null ? null : new BigDecimal(fill),
                side,
                BigDecimal.ONE,
                null);
    }

    private static String millis(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString();
    }

    private static void intake(
            Connection db,
            long trader,
            String tradeId,
            String symbol,
            String side,
            String quantity,
            String price,
            int second,
            String status,
            int toOrder,
            int toFill,
            String fill)
            throws Exception {
        Instant traded = T0.plusSeconds(second);
        boolean copied = status.equals("COPIED");
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO copy_intake (trader_id, feed, trade_id, symbol, side,"
                                + " quantity, price, traded_at, received_at, status, reason,"
                                + " decided_at, copy_side, copy_quantity, copy_effect,"
                                + " client_order_id, ordered_at, filled_at, fill_price) VALUES (?,"
                                + " 'webhook', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                + " ?)")) {
            insert.setLong(1, trader);
            insert.setString(2, tradeId);
            insert.setString(3, symbol);
            insert.setString(4, side);
            insert.setBigDecimal(5, new BigDecimal(quantity));
            insert.setBigDecimal(6, new BigDecimal(price));
            insert.setTimestamp(7, Timestamp.from(traded));
            insert.setTimestamp(8, Timestamp.from(traded.plusMillis(10)));
            insert.setString(9, status);
            insert.setString(10, copied ? null : "OVER_TRADE_CAP");
            insert.setTimestamp(11, Timestamp.from(traded.plusMillis(20)));
            insert.setString(12, copied ? side : null);
            insert.setBigDecimal(13, copied ? BigDecimal.ONE : null);
            insert.setString(14, copied ? "OPENS" : null);
            insert.setString(15, copied ? "perf-" + trader + "-" + tradeId : null);
            insert.setTimestamp(16, copied ? Timestamp.from(traded.plusMillis(toOrder)) : null);
            insert.setTimestamp(
                    17, fill == null ? null : Timestamp.from(traded.plusMillis(toFill)));
            insert.setBigDecimal(18, fill == null ? null : new BigDecimal(fill));
            insert.executeUpdate();
        }
    }

    private static void position(
            Connection db, long trader, String state, String realized, String fees, String open)
            throws Exception {
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO positions (symbol, account, broker, origin, state, side,"
                                + " ordered_quantity, quantity, entered_quantity, average_price,"
                                + " realized_pnl, fees, unrealized_pnl, rules, opened_at,"
                                + " created_at, updated_at, book) VALUES ('PERFX', 'paper',"
                                + " 'paper', 'COPY', ?, 'BUY', 1, ?, 1, 100, ?, ?, ?, '{}', now(),"
                                + " now(), now(), ?)")) {
            insert.setString(1, state);
            insert.setBigDecimal(2, state.equals("OPEN") ? BigDecimal.ONE : BigDecimal.ZERO);
            insert.setBigDecimal(3, new BigDecimal(realized));
            insert.setBigDecimal(4, new BigDecimal(fees));
            insert.setBigDecimal(5, open == null ? null : new BigDecimal(open));
            insert.setString(6, "trader:" + trader);
            insert.executeUpdate();
        }
    }

    /** The first answer computed after {@code after}: the cache may hold an older one for 2 s. */
    private static JsonObject readAfter(Instant after) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonObject answer = read();
            if (Instant.parse(answer.getString("computedAt")).isAfter(after)) {
                return answer;
            }
            assertTrue(Instant.now().isBefore(deadline), "never computed again: " + answer);
            Thread.sleep(100);
        }
    }

    private static JsonObject read() throws Exception {
        HttpResponse<String> answer =
                CLIENT.send(
                        authorized("/api/v1/traders/performance").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static JsonObject trader(JsonObject answer, long id) {
        return answer.getJsonArray("traders").stream()
                .map(v -> v.asJsonObject())
                .filter(t -> t.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no trader " + id + " in " + answer));
    }

    private static void assertNumber(String expected, JsonObject trader, String field) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(trader.getJsonNumber(field).bigDecimalValue()),
                field + " of " + trader);
    }

    private static long create(String name) throws Exception {
        HttpResponse<String> created =
                CLIENT.send(
                        authorized("/api/v1/traders")
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"name\":\""
                                                        + name
                                                        + "\",\"feed\":\"webhook\",\"allocation\":"
                                                        + "10000,\"sizing\":{\"mode\":\"ratio\","
                                                        + "\"ratio\":0.5}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(created.body());
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(id.find(), created.body());
        return Long.parseLong(id.group(1));
    }

    private static HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN);
    }
}

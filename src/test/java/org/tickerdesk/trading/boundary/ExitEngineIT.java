package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The exit engine fires each position's exit exactly once: a thousand stops crossed by one tick
 * become a thousand exit orders and nothing more, however the price moves after; and a server
 * killed (SIGKILL) while those orders are going out sells every position exactly once after its
 * restart, never twice, never forgotten.
 *
 * <p>Prices are held still by injected ticks of a symbol of each test's own. The paper broker fills
 * a purchase at the ask and a sale at the bid, one tick (0.01) worse, so an entry at ask 100.01
 * costs 100.02, its 1 % stop lies at 99.0198, and a sale at bid 94.99 gets 94.98: a realised
 * P&amp;L of 94.98 - 100.02 = -5.04 per share.
 */
class ExitEngineIT {

    private static final Logger LOG = Logger.getLogger(ExitEngineIT.class.getName());
    private static final String RULES = "{\"stopLoss\":{\"percent\":1}}";
    private static final String ENTRY_TICK = "\"last\":100.00,\"bid\":99.99,\"ask\":100.01";
    private static final String STOP_TICK = "\"last\":95.00,\"bid\":94.99,\"ask\":95.01";
    private static final BigDecimal EXIT_PRICE = new BigDecimal("94.98");
    private static final BigDecimal REALIZED = new BigDecimal("-5.04");
    private static final int CLIENTS = 4;

    @Test
    void oneTickCrossingAThousandStopsSendsAThousandExitsAndLaterTicksNone() throws Exception {
        TickerdeskProcess server = SharedServer.get();
        String symbol = "EXITONE";
        watch(server, symbol);
        tick(server, symbol, ENTRY_TICK);
        List<Long> ids = open(server, symbol, 1000);

        long fired = System.nanoTime();
        tick(server, symbol, STOP_TICK);
        try (Refresher fresh = new Refresher(server, symbol, STOP_TICK)) {
            awaitAllClosed(server, symbol, Duration.ofSeconds(120));
        }
        long tookMillis = (System.nanoTime() - fired) / 1_000_000;
        LOG.info(() -> "1,000 positions closed " + tookMillis + " ms after the tick");

        List<String> newest = newestOrderIds(server);
        parallel(ids, id -> checkClosedOnce(server, id, true));
        assertTrue(
                newest.stream().allMatch(o -> o.matches("x-\\d+-STOP_LOSS-1")),
                "the newest 500 orders are the exits: " + newest);

        tick(server, symbol, "\"last\":90.00,\"bid\":89.99,\"ask\":90.01");
        tick(server, symbol, "\"last\":80.00,\"bid\":79.99,\"ask\":80.01");
        tick(server, symbol, ENTRY_TICK);
        tick(server, symbol, "\"last\":96.00,\"bid\":95.99,\"ask\":96.01");
        Thread.sleep(12_000); // a sweep (every 10 s) runs in between, too
        assertEquals(newest, newestOrderIds(server), "no order after the first exits");
        parallel(ids, id -> checkClosedOnce(server, id, true));
        Http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                        server.baseUrl() + "/api/v1/sim/holds/" + symbol))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .DELETE());
    }

    @Test
    void aServerKilledBetweenTriggerAndFillSellsEveryPositionExactlyOnceAfterItsRestart()
            throws Exception {
        TickerdeskProcess server = new TickerdeskProcess("exit-engine-kill", Map.of()).clean();
        boolean passed = false;
        try {
            server.start();
            String symbol = "EXITKILL";
            watch(server, symbol);
            tick(server, symbol, ENTRY_TICK);
            List<Long> ids = open(server, symbol, 300);

            tick(server, symbol, STOP_TICK);
            Map<String, Integer> atKill = awaitFirstClosed(server, symbol);
            long killedAt = System.currentTimeMillis();
            server.kill();
            LOG.info(() -> "Killed with (as last read) " + atKill);

            server.start();
            tick(server, symbol, STOP_TICK);
            try (Refresher fresh = new Refresher(server, symbol, STOP_TICK)) {
                awaitAllClosed(server, symbol, Duration.ofSeconds(90));
            }
            List<List<JsonObject>> exits = parallel(ids, id -> checkClosedOnce(server, id, false));
            Instant killed = Instant.ofEpochMilli(killedAt);
            long unsent = firstOrders(exits, o -> !createdAt(o).isBefore(killed));
            long cancelled = firstOrders(exits, o -> o.getString("status").equals("CANCELLED"));
            long filled =
                    firstOrders(
                            exits,
                            o ->
                                    createdAt(o).isBefore(killed)
                                            && o.getString("status").equals("FILLED"));
            LOG.info(
                    () ->
                            "At the kill, by the first exit orders: "
                                    + filled
                                    + " sent and filled, "
                                    + cancelled
                                    + " sent and not filled (cancelled at the restart, sold by"
                                    + " attempt 2), "
                                    + unsent
                                    + " committed but not sent (sent at the restart)");
            assertEquals(ids.size(), unsent + cancelled + filled);
            LOG.info(
                    () ->
                            exits.stream().filter(e -> e.size() > 1).count()
                                    + " positions were sold by a later attempt");
            List<String> severe =
                    Files.readAllLines(server.serverLog()).stream()
                            .filter(l -> l.contains("SEVERE"))
                            .toList();
            assertEquals(List.of(), severe, "SEVERE lines in the server log");
            passed = true;
        } finally {
            server.stop();
            server.stopOrphanedDatabase();
            if (passed) {
                TickerdeskProcess.deleteRecursively(server.dataDir());
            }
        }
    }

    /**
     * The position is closed by one STOP_LOSS exit whose fills sum to its quantity: each attempt's
     * order is read, x-id-STOP_LOSS-1 and on until one is missing; answers those orders.
     */
    private static List<JsonObject> checkClosedOnce(
            TickerdeskProcess server, long id, boolean oneAttempt) {
        JsonObject position = getJson(server, "/api/v1/positions/" + id).asJsonObject();
        String what = "position " + id + ": " + position;
        assertEquals("CLOSED", position.getString("state"), what);
        BigDecimal quantity = new BigDecimal("1");
        JsonArray triggers = position.getJsonArray("triggers");
        assertEquals(1, triggers.size(), what);
        JsonObject trigger = triggers.getJsonObject(0);
        assertEquals("STOP_LOSS", trigger.getString("rule"), what);
        assertEquals("FILLED", trigger.getString("state"), what);
        assertEquals(0, quantity.compareTo(number(trigger, "filledQuantity")), what);

        BigDecimal exited = BigDecimal.ZERO;
        Set<String> execIds = new HashSet<>();
        for (JsonValue f : position.getJsonArray("fills")) {
            JsonObject fill = f.asJsonObject();
            assertTrue(execIds.add(fill.getString("execId")), what);
            if (number(fill, "quantity").signum() < 0) {
                exited = exited.add(number(fill, "quantity").negate());
            }
        }
        assertEquals(0, quantity.compareTo(exited), "exit fills of " + what);

        int attempt = 0;
        List<JsonObject> orders = new ArrayList<>();
        BigDecimal sold = BigDecimal.ZERO;
        while (true) {
            String orderId = "x-" + id + "-STOP_LOSS-" + (attempt + 1);
            HttpResponse<String> order =
                    Http.getAsAdmin(server.baseUrl() + "/api/v1/orders/" + orderId);
            if (order.statusCode() == 404) {
                break;
            }
            assertEquals(200, order.statusCode(), order.body());
            JsonObject o = Http.json(order).asJsonObject();
            assertEquals("SELL", o.getString("side"), order.body());
            orders.add(o);
            sold = sold.add(number(o, "filledQuantity"));
            attempt++;
        }
        assertTrue(attempt >= 1, "no exit order for " + what);
        assertEquals(0, quantity.compareTo(sold), "all exit orders of " + what + " together");
        assertEquals(attempt, trigger.getInt("attempt"), what);
        assertEquals("x-" + id + "-STOP_LOSS-" + attempt, trigger.getString("clientOrderId"), what);
        Set<String> orderIds = new HashSet<>();
        for (JsonValue o : position.getJsonArray("orders")) {
            assertTrue(orderIds.add(o.asJsonObject().getString("clientOrderId")), what);
        }
        if (oneAttempt) {
            assertEquals(1, attempt, what);
            assertEquals(0, EXIT_PRICE.compareTo(number(trigger, "fillPrice")), what);
            assertEquals(0, REALIZED.compareTo(number(position, "realizedPnl")), what);
            assertEquals(0, new BigDecimal("100.02").compareTo(number(position, "averagePrice")));
        }
        return orders;
    }

    private static long firstOrders(List<List<JsonObject>> exits, Predicate<JsonObject> which) {
        return exits.stream().map(e -> e.get(0)).filter(which).count();
    }

    private static Instant createdAt(JsonObject order) {
        return Instant.parse(order.getString("createdAt"));
    }

    private static List<Long> open(TickerdeskProcess server, String symbol, int count)
            throws Exception {
        long started = System.nanoTime();
        try (Refresher fresh = new Refresher(server, symbol, ENTRY_TICK)) {
            List<Long> ids =
                    parallel(
                            java.util.stream.IntStream.range(0, count).boxed().toList(),
                            i -> {
                                HttpResponse<String> opened =
                                        Http.postAsAdmin(
                                                server.baseUrl() + "/api/v1/positions",
                                                "{\"symbol\":\""
                                                        + symbol
                                                        + "\",\"side\":\"BUY\",\"quantity\":1,"
                                                        + "\"rules\":"
                                                        + RULES
                                                        + "}");
                                assertEquals(201, opened.statusCode(), opened.body());
                                JsonObject p = Http.json(opened).asJsonObject();
                                assertEquals("OPEN", p.getString("state"), opened.body());
                                return p.getJsonNumber("id").longValue();
                            });
            LOG.info(
                    () ->
                            count
                                    + " positions opened in "
                                    + (System.nanoTime() - started) / 1_000_000
                                    + " ms");
            return ids;
        }
    }

    /**
     * The paper broker fills a market order only at a quote of the last 60 s, so a held price is
     * injected again, unchanged, every 15 s while orders go out.
     */
    private static final class Refresher implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Refresher(TickerdeskProcess server, String symbol, String prices) {
            timer.scheduleWithFixedDelay(
                    () -> tick(server, symbol, prices), 15, 15, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Reads until a first position is closed: how many were in which state then. */
    private static Map<String, Integer> awaitFirstClosed(TickerdeskProcess server, String symbol)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            int closed = count(server, symbol, "CLOSED");
            if (closed > 0) {
                return Map.of(
                        "CLOSED", closed,
                        "CLOSING", count(server, symbol, "CLOSING"),
                        "OPEN", count(server, symbol, "OPEN"));
            }
            Thread.sleep(5);
        }
        throw new AssertionError("No position closed within 30 s of the tick");
    }

    private static void awaitAllClosed(TickerdeskProcess server, String symbol, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int open = -1;
        int closing = -1;
        while (System.nanoTime() < deadline) {
            open = count(server, symbol, "OPEN");
            closing = count(server, symbol, "CLOSING");
            if (open == 0 && closing == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "Not all closed within "
                        + patience
                        + ": "
                        + open
                        + " open, "
                        + closing
                        + " closing (up to 500 counted)");
    }

    private static int count(TickerdeskProcess server, String symbol, String state) {
        return (int)
                getJson(server, "/api/v1/positions?limit=500&state=" + state).asJsonArray().stream()
                        .filter(p -> symbol.equals(p.asJsonObject().getString("symbol")))
                        .count();
    }

    private static List<String> newestOrderIds(TickerdeskProcess server) {
        return getJson(server, "/api/v1/orders?limit=500").asJsonArray().stream()
                .map(o -> o.asJsonObject().getString("clientOrderId"))
                .toList();
    }

    private static void watch(TickerdeskProcess server, String symbol) {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        server.baseUrl() + "/api/v1/instruments",
                        "{\"symbol\":\"" + symbol + "\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
    }

    private static void tick(TickerdeskProcess server, String symbol, String prices) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> answer;
        do {
            answer =
                    Http.postAsAdmin(
                            server.baseUrl() + "/api/v1/sim/ticks",
                            "{\"symbol\":\"" + symbol + "\"," + prices + ",\"hold\":true}");
            // a symbol just put on the watchlist is served by the simulated market a moment later
        } while (answer.statusCode() == 404 && System.nanoTime() < deadline && pause());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonValue getJson(TickerdeskProcess server, String path) {
        HttpResponse<String> answer = Http.getAsAdmin(server.baseUrl() + path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return Http.json(answer);
    }

    private static BigDecimal number(JsonObject o, String name) {
        return o.getJsonNumber(name).bigDecimalValue();
    }

    /** The work on at most four HTTP clients at once, answers in the order of the input. */
    private static <T, R> List<R> parallel(List<T> inputs, Function<T, R> work)
            throws InterruptedException, ExecutionException {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T input : inputs) {
                futures.add(clients.submit(() -> work.apply(input)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failed) {
                        throw failed;
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            clients.shutdownNow();
        }
    }
}

package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.SimulatedHistory;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The server is killed (SIGKILL: no shutdown, no last checkpoint) in the middle of a collection of
 * three instruments. Started again, it restarts the collection by itself, which completes with a
 * second execution, and the stored bars are exactly those an uninterrupted run stores: the
 * simulated source's bars of the whole range, each once, none missing.
 */
class CollectionRecoveryIT {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA");
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-01T00:00:00Z");
    private static final long SEED = 4242;

    @Test
    void aCollectionInterruptedByAKilledServerCompletesAfterTheRestartWithEveryBarOnce()
            throws Exception {
        try (TickerdeskProcess server =
                new TickerdeskProcess(
                                "collection-recovery",
                                Map.of("TICKERDESK_SIM_SEED", Long.toString(SEED)))
                        .clean()
                        .start()) {
            HttpResponse<String> started =
                    Http.postAsAdmin(
                            server.baseUrl() + "/api/v1/jobs",
                            "{\"source\":\"simulated\",\"instruments\":[\"AAPL\",\"MSFT\",\"NVDA\"],"
                                + "\"barSize\":\"1m\",\"from\":\""
                                    + FROM
                                    + "\",\"to\":\""
                                    + TO
                                    + "\"}");
            assertEquals(202, started.statusCode(), started.body());
            long id = ((JsonObject) Http.json(started)).getJsonNumber("id").longValue();
            String url = server.baseUrl() + "/api/v1/jobs/" + id;

            JsonObject midway = awaitMidway(url);
            server.kill();
            assertTrue(midway.getInt("windowsDone") < midway.getInt("windowsTotal"));

            server.start();
            JsonObject done = awaitStatus(url, "COMPLETED", Duration.ofSeconds(120));

            assertEquals(2, done.getJsonArray("executions").size(), done.toString());
            long minutes = Duration.between(FROM, TO).toMinutes();
            assertEquals(done.getInt("windowsTotal"), done.getInt("windowsDone"));
            SimulatedHistory source = new SimulatedHistory(SEED);
            for (String symbol : SYMBOLS) {
                List<JsonObject> stored = candles(server, symbol);
                assertEquals(minutes, stored.size(), symbol + ": every minute once");
                assertEquals(expected(source, symbol), stored, symbol + ": the source's bars");
            }
        }
    }

    private static JsonObject awaitMidway(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject job = (JsonObject) Http.json(Http.getAsAdmin(url));
            if (job.getInt("windowsDone") > 0
                    && job.getInt("windowsDone") < job.getInt("windowsTotal") / 2) {
                return job;
            }
            if (!job.getString("status").startsWith("START")) {
                fail("The collection ended before it could be interrupted: " + job);
            }
            Thread.sleep(20);
        }
        return fail("The collection never got under way");
    }

    private static JsonObject awaitStatus(String url, String status, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = Http.getAsAdmin(url);
            if (response.statusCode() == 200) {
                job = (JsonObject) Http.json(response);
                if (job.getString("status").equals(status)) {
                    return job;
                }
            }
            Thread.sleep(250);
        }
        return fail("Not " + status + " within " + patience + ": " + job);
    }

    /** Every stored 1m candle of the range, in pages of 10,000, oldest first. */
    private static List<JsonObject> candles(TickerdeskProcess server, String symbol) {
        List<JsonObject> all = new ArrayList<>();
        long from = FROM.toEpochMilli();
        while (true) {
            JsonObject page =
                    (JsonObject)
                            Http.json(
                                    Http.get(
                                            server.baseUrl()
                                                    + "/api/v1/candles/"
                                                    + symbol
                                                    + "?interval=1m&from="
                                                    + from
                                                    + "&to="
                                                    + TO.toEpochMilli()
                                                    + "&limit=10000"));
            JsonArray candles = page.getJsonArray("candles");
            candles.forEach(c -> all.add(normalised((JsonObject) c)));
            if (candles.size() < 10_000) {
                return all;
            }
            from = candles.getJsonObject(candles.size() - 1).getJsonNumber("t").longValue() + 1;
        }
    }

    /** What an uninterrupted run stores: the source's bars of the whole range. */
    private static List<JsonObject> expected(SimulatedHistory source, String symbol) {
        List<JsonObject> bars = new ArrayList<>();
        Contract contract = Contract.stock(symbol, "SMART");
        Instant from = FROM;
        while (from.isBefore(TO)) {
            Instant to =
                    from.plus(Duration.ofDays(5)).isBefore(TO) ? from.plus(Duration.ofDays(5)) : TO;
            for (Bar bar :
                    source.bars(
                                    new HistoryWindow(
                                            contract,
                                            BarSize.MIN_1,
                                            from,
                                            to,
                                            WhatToShow.TRADES,
                                            false,
                                            null),
                                    Duration.ofSeconds(10))
                            .bars()) {
                bars.add(
                        jakarta.json.Json.createObjectBuilder()
                                .add("t", bar.start().toEpochMilli())
                                .add("o", plain(bar.open()))
                                .add("h", plain(bar.high()))
                                .add("l", plain(bar.low()))
                                .add("c", plain(bar.close()))
                                .add("v", bar.volume() == null ? "" : plain(bar.volume()))
                                .build());
            }
            from = to;
        }
        return bars;
    }

    /** Numbers compared by value, whatever scale the store and the JSON writer give them. */
    private static JsonObject normalised(JsonObject candle) {
        return jakarta.json.Json.createObjectBuilder()
                .add("t", candle.getJsonNumber("t").longValue())
                .add("o", plain(candle.getJsonNumber("o").bigDecimalValue()))
                .add("h", plain(candle.getJsonNumber("h").bigDecimalValue()))
                .add("l", plain(candle.getJsonNumber("l").bigDecimalValue()))
                .add("c", plain(candle.getJsonNumber("c").bigDecimalValue()))
                .add(
                        "v",
                        candle.get("v") == null || candle.get("v") == JsonValue.NULL
                                ? ""
                                : plain(candle.getJsonNumber("v").bigDecimalValue()))
                .build();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

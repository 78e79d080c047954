package org.tickerdesk.analytics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Live analytics on the real server and its simulated market, over 40 stored 1m bars of AAPL that
 * end 20 minutes before the test: bar i closes at 100 + i, so the stored part of every series is
 * known. Live candles come after them, indicators have values from the first live candle, the
 * 24-hour statistics hold together, and every refusal is a problem document naming its field.
 */
class AnalyticsEndpointsIT {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
    private static final int STORED = 40;

    private static final TickerdeskProcess server = SharedServer.get();
    private static Instant firstStored;

    @BeforeAll
    static void storeMinutesBeforeTheLiveOnes() throws SQLException {
        // the stored minutes end before the server's first live candle: a stored minute that a
        // live candle covers gives way to it, and a shared server up for less than the minutes'
        // age had live candles over the last stored ones (a fresh-clone CI run failed so)
        firstStored =
                server.startedAt()
                        .truncatedTo(ChronoUnit.MINUTES)
                        .minus(Duration.ofMinutes(STORED + 2));
        try (Connection db =
                        DriverManager.getConnection(
                                server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
                PreparedStatement insert =
                        db.prepareStatement(
                                "INSERT INTO bars (instrument_id, bar_size, what_to_show,"
                                        + " start_time, open, high, low, close, volume, wap,"
                                        + " bar_count, source, fetched_at) SELECT (SELECT id FROM"
                                        + " instruments WHERE symbol = 'AAPL'), '1m', 'TRADES',"
                                        + " CAST(? AS TIMESTAMPTZ) + i * INTERVAL '1 minute', 100"
                                        + " + i, 100.5 + i, 99.5 + i, 100 + i, 1000, NULL, 10,"
                                        + " 'csv', now() FROM generate_series(0, ? - 1) AS i"
                                        + " ON CONFLICT (instrument_id, bar_size, what_to_show,"
                                        + " start_time) DO UPDATE SET open = EXCLUDED.open, high ="
                                        + " EXCLUDED.high, low = EXCLUDED.low, close ="
                                        + " EXCLUDED.close, volume = EXCLUDED.volume, source ="
                                        + " EXCLUDED.source")) {
            // other tests on the shared server collect AAPL's recent minutes, and the server
            // records its closed live candles: these minutes are made this test's own
            insert.setString(1, firstStored.toString());
            insert.setInt(2, STORED);
            insert.executeUpdate();
        }
    }

    private static String url(String path) {
        return server.baseUrl() + "/api/v1/" + path;
    }

    @Test
    void storedBarsComeFirstThenTheLiveCandlesWithTheFormingOneLast() {
        JsonArray candles = awaitLiveCandles();

        assertEquals(
                firstStored.toEpochMilli(),
                candles.getJsonObject(0).getJsonNumber("t").longValue());
        assertEquals(100, candles.getJsonObject(0).getInt("c"));
        assertEquals(139, candles.getJsonObject(STORED - 1).getInt("c"), "the last stored");
        for (int i = 1; i < candles.size(); i++) {
            assertTrue(t(candles, i - 1) < t(candles, i), "oldest first, each once: " + candles);
        }
        JsonObject forming = candles.getJsonObject(candles.size() - 1);
        assertEquals(JsonValue.FALSE, forming.get("x"));
        assertTrue(
                forming.getJsonNumber("l").doubleValue()
                        <= forming.getJsonNumber("h").doubleValue());
        assertTrue(forming.getJsonNumber("v").longValue() > 0, forming.toString());
        assertTrue(
                candles.stream()
                        .limit(candles.size() - 1L)
                        .noneMatch(c -> c.asJsonObject().containsKey("x")),
                "only the forming candle carries x");
        assertTrue(
                t(candles, candles.size() - 1)
                        >= Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli());
    }

    @Test
    void indicatorsHaveValuesAtTheLiveCandleAndTheStoredPartIsAsWorkedOut() {
        awaitLiveCandles();

        JsonObject sma5 =
                Http.json(Http.get(url("indicators/AAPL/sma5?interval=1m&limit=500")))
                        .asJsonObject();
        assertEquals("sma5", sma5.getString("indicator"));
        JsonObject latest = sma5.getJsonObject("latest");
        assertEquals(JsonValue.FALSE, latest.get("x"), "computed at the forming candle");
        assertTrue(latest.get("value") instanceof JsonNumber, latest.toString());
        long lastStored = firstStored.plus(Duration.ofMinutes(STORED - 1)).toEpochMilli();
        JsonObject atLastStored =
                sma5.getJsonArray("recent").getValuesAs(JsonObject.class).stream()
                        .filter(p -> p.getJsonNumber("t").longValue() == lastStored)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no value at the last stored bar: " + sma5));
        // closes 135, 136, 137, 138, 139: (135 + 136 + 137 + 138 + 139) / 5 = 137
        assertEquals(137, atLastStored.getJsonNumber("value").doubleValue(), 1e-9);

        JsonObject withPeriod =
                Http.json(Http.get(url("indicators/AAPL/sma?period=5&limit=1"))).asJsonObject();
        assertEquals("sma5", withPeriod.getString("indicator"));
        assertEquals(1, withPeriod.getJsonArray("recent").size());

        JsonObject all = Http.json(Http.get(url("indicators/AAPL?interval=1m"))).asJsonObject();
        JsonObject indicators = all.getJsonObject("indicators");
        assertEquals(
                List.of("sma20", "ema20", "rsi14", "macd", "bb20", "atr14", "vwap"),
                List.copyOf(indicators.keySet()));
        for (String name : List.of("sma20", "ema20", "rsi14", "macd", "bb20", "atr14")) {
            JsonObject point = indicators.getJsonObject(name);
            point.forEach(
                    (key, value) ->
                            assertNotEquals(
                                    JsonValue.NULL, value, name + " has 40 bars and more: " + all));
        }
        JsonObject bands = indicators.getJsonObject("bb20");
        assertTrue(
                bands.getJsonNumber("lower").doubleValue()
                        <= bands.getJsonNumber("upper").doubleValue());
        double rsi = indicators.getJsonObject("rsi14").getJsonNumber("value").doubleValue();
        assertTrue(rsi >= 0 && rsi <= 100, all.toString());
    }

    @Test
    void the24HourStatisticsHoldTogether() {
        awaitLiveCandles();

        HttpResponse<String> response = Http.get(url("stats/AAPL"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject stats = Http.json(response).asJsonObject();
        double low = stats.getJsonNumber("low").doubleValue();
        double high = stats.getJsonNumber("high").doubleValue();
        double last = stats.getJsonNumber("last").doubleValue();
        double open = stats.getJsonNumber("open").doubleValue();
        assertTrue(low <= last && last <= high, stats.toString());
        assertEquals(last - open, stats.getJsonNumber("change").doubleValue(), 1e-6);
        assertEquals(
                (last - open) / open * 100,
                stats.getJsonNumber("changePercent").doubleValue(),
                1e-6);
        assertTrue(stats.getJsonNumber("volume").longValue() > 0, stats.toString());
        double vwap = stats.getJsonNumber("vwap").doubleValue();
        assertTrue(low <= vwap && vwap <= high, stats.toString());
    }

    @Test
    void everyRefusalIsAProblemNamingTheFieldAndNoStackTrace() {
        int logBefore = server.output().length();
        for (String path :
                List.of(
                        "stats/NOSUCH",
                        "indicators/NOSUCH",
                        "indicators/NOSUCH/ema",
                        "candles/NOSUCH?interval=1m")) {
            assertProblem(Http.get(url(path)), 404, "unknown_instrument");
        }
        assertRefused("indicators/AAPL/wma", "type", "is not an indicator; use one of sma");
        assertRefused("indicators/AAPL/EMA", "type", "in lower case");
        assertRefused("indicators/AAPL/ema?interval=2m", "interval", "not a live interval");
        assertRefused("indicators/AAPL?interval=1x", "interval", "not a live interval");
        assertRefused("indicators/AAPL/ema?period=0", "period", "from 1 to 500");
        assertRefused("indicators/AAPL/ema?period=x", "period", "from 1 to 500");
        assertRefused("indicators/AAPL/ema50?period=5", "period", "given twice");
        assertRefused("indicators/AAPL/macd?period=5", "period", "macd takes no period");
        assertRefused("indicators/AAPL/ema?limit=501", "limit", "from 1 to 500");
        assertRefused("indicators/AAPL/ema?colour=red", "colour", "is not a parameter");
        assertRefused("indicators/AAPL?period=5", "period", "is not a parameter");
        assertRefused("stats/AAPL?window=1d", "window", "takes none");
        assertNoStackTraceSince(logBefore);
    }

    private static JsonArray awaitLiveCandles() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject body = null;
        while (System.nanoTime() < deadline) {
            body =
                    Http.json(
                                    Http.get(
                                            url(
                                                    "candles/AAPL?interval=1m&limit=1000&from="
                                                            + firstStored.toEpochMilli())))
                            .asJsonObject();
            JsonArray candles = body.getJsonArray("candles");
            if (candles.size() > STORED
                    && candles.getJsonObject(candles.size() - 1).containsKey("x")) {
                return candles;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("No live candle within 60 s: " + body);
    }

    private static long t(JsonArray candles, int i) {
        return candles.getJsonObject(i).getJsonNumber("t").longValue();
    }

    private static void assertRefused(String path, String field, String saying) {
        HttpResponse<String> response = Http.get(url(path));
        JsonObject problem = assertProblem(response, 400, "invalid_analytics_request");
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals(field, error.getString("field"), response.body());
        assertTrue(error.getString("message").contains(saying), response.body());
    }

    private static JsonObject assertProblem(
            HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                response.body());
        JsonObject problem = Http.json(response).asJsonObject();
        assertEquals(code, problem.getString("code"), response.body());
        return problem;
    }

    private static void assertNoStackTraceSince(int logBefore) {
        String gained = server.output().substring(logBefore);
        assertFalse(STACK_FRAME.matcher(gained).find(), "stack trace in the log:\n" + gained);
    }
}

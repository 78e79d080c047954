package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The history reads on the real server, over bars written straight into its database: a US stock
 * with minute bars on Monday and Wednesday of Thanksgiving week 2025 (nothing on Tuesday), and an
 * FX pair with MIDPOINT bars only. Every refusal is a problem document with its code, and none
 * leaves a stack trace in the log.
 */
class HistoryEndpointsIT {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
    private static final String MONDAY = "2025-11-24T14:30:00Z";
    private static final String WEDNESDAY = "2025-11-26T14:30:00Z";

    private static final TickerdeskProcess server = SharedServer.get();

    @BeforeAll
    static void storeBars() throws SQLException {
        try (Connection db =
                DriverManager.getConnection(
                        server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "")) {
            long stock = instrument(db, "HISTIT", "SMART");
            long fx = instrument(db, "HISTFX", "IDEALPRO");
            minutes(db, stock, "TRADES", MONDAY, 390);
            minutes(db, stock, "TRADES", WEDNESDAY, 390);
            minutes(db, fx, "MIDPOINT", MONDAY, 60);
        }
    }

    private static String url(String path) {
        return server.baseUrl() + "/api/v1/" + path;
    }

    @Test
    void barsAreStoredOnesOldestFirstWithTheirSourceAndWhenFetched() {
        HttpResponse<String> response =
                Http.get(url("bars/HISTIT?barSize=1m&from=2025-11-24T20:58:00Z&limit=3"));
        assertEquals(200, response.statusCode(), response.body());
        JsonArray bars = Http.json(response).asJsonArray();
        assertEquals(3, bars.size());
        JsonObject first = bars.getJsonObject(0);
        assertEquals("2025-11-24T20:58:00Z", first.getString("start"));
        assertEquals("2025-11-24T20:59:00Z", bars.getJsonObject(1).getString("start"));
        assertEquals(WEDNESDAY, bars.getJsonObject(2).getString("start"));
        assertEquals("HISTIT", first.getString("symbol"));
        assertEquals("1m", first.getString("barSize"));
        assertEquals("TRADES", first.getString("whatToShow"));
        assertEquals(new BigDecimal("103.88"), first.getJsonNumber("open").bigDecimalValue());
        assertEquals(new BigDecimal("103.89"), first.getJsonNumber("close").bigDecimalValue());
        assertEquals(388, first.getInt("count"));
        assertEquals(JsonValue.NULL, first.get("wap"));
        assertEquals("csv", first.getString("source"));
        assertEquals("2025-12-01T00:00:00Z", first.getString("fetchedAt"));
    }

    @Test
    void coverageCountsTheBarsAndNamesTuesdayAsTheGap() {
        HttpResponse<String> response =
                Http.get(
                        url(
                                "bars/HISTIT/coverage?barSize=1m&rthOnly=true"
                                        + "&from=2025-11-24T00:00:00Z&to=2025-11-29T00:00:00Z"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject coverage = Http.json(response).asJsonObject();
        assertEquals(780, coverage.getInt("count"));
        assertEquals(MONDAY, coverage.getString("first"));
        assertEquals("2025-11-26T20:59:00Z", coverage.getString("last"));
        assertEquals(
                List.of(
                        "2025-11-25T14:30:00Z/2025-11-25T21:00:00Z",
                        "2025-11-28T14:30:00Z/2025-11-28T18:00:00Z"),
                gaps(coverage),
                "Tuesday, and Friday's early close; Thanksgiving is no gap");
        assertTrue(coverage.getString("calendar").contains("NYSE"), coverage.toString());

        JsonObject stored =
                Http.json(Http.get(url("bars/HISTIT/coverage?barSize=1m&rthOnly=true")))
                        .asJsonObject();
        assertEquals(JsonValue.NULL, stored.get("from"));
        assertEquals(List.of("2025-11-25T14:30:00Z/2025-11-25T21:00:00Z"), gaps(stored));

        JsonObject none =
                Http.json(Http.get(url("bars/HISTIT/coverage?barSize=1h"))).asJsonObject();
        assertEquals(0, none.getInt("count"));
        assertEquals(JsonValue.NULL, none.get("first"));
        assertEquals(JsonValue.NULL, none.get("last"));
        assertEquals(List.of(), gaps(none));
    }

    @Test
    void candlesAreTheLatestBeforeToOldestFirstWithTheStartInEpochMilliseconds() {
        HttpResponse<String> response = Http.get(url("candles/HISTIT?interval=1m&limit=2"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response).asJsonObject();
        assertEquals("HISTIT", body.getString("symbol"));
        assertEquals("1m", body.getString("interval"));
        assertEquals("TRADES", body.getString("whatToShow"));
        JsonArray candles = body.getJsonArray("candles");
        assertEquals(2, candles.size());
        assertEquals(
                Instant.parse("2025-11-26T20:58:00Z").toEpochMilli(),
                candles.getJsonObject(0).getJsonNumber("t").longValue());
        assertEquals(
                Instant.parse("2025-11-26T20:59:00Z").toEpochMilli(),
                candles.getJsonObject(1).getJsonNumber("t").longValue());
        JsonObject last = candles.getJsonObject(1);
        assertEquals(new BigDecimal("103.89"), last.getJsonNumber("o").bigDecimalValue());
        assertEquals(new BigDecimal("104.4"), last.getJsonNumber("h").bigDecimalValue());
        assertEquals(new BigDecimal("103.4"), last.getJsonNumber("l").bigDecimalValue());
        assertEquals(new BigDecimal("103.9"), last.getJsonNumber("c").bigDecimalValue());
        assertEquals(new BigDecimal("38900"), last.getJsonNumber("v").bigDecimalValue());

        long monday = Instant.parse(MONDAY).toEpochMilli();
        JsonArray window =
                Http.json(
                                Http.get(
                                        url(
                                                "candles/HISTIT?interval=1m&from="
                                                        + monday
                                                        + "&to=2025-11-24T14:35:00Z&limit=10")))
                        .asJsonObject()
                        .getJsonArray("candles");
        assertEquals(5, window.size());
        assertEquals(monday, window.getJsonObject(0).getJsonNumber("t").longValue());

        JsonArray beforeWednesday =
                Http.json(Http.get(url("candles/HISTIT?interval=1m&limit=1&to=" + WEDNESDAY)))
                        .asJsonObject()
                        .getJsonArray("candles");
        assertEquals(
                Instant.parse("2025-11-24T20:59:00Z").toEpochMilli(),
                beforeWednesday.getJsonObject(0).getJsonNumber("t").longValue());
    }

    @Test
    void anInstrumentWithoutTradesBarsIsChartedFromItsMidpoints() {
        JsonObject body =
                Http.json(Http.get(url("candles/HISTFX?interval=1m&limit=1000"))).asJsonObject();
        assertEquals("MIDPOINT", body.getString("whatToShow"));
        assertEquals(60, body.getJsonArray("candles").size());
        assertEquals(JsonValue.NULL, body.getJsonArray("candles").getJsonObject(0).get("v"));
    }

    @Test
    void everyRefusalIsAProblemWithItsCodeAndNoStackTrace() {
        int logBefore = server.output().length();
        for (String path :
                List.of(
                        "bars/NOSUCH?barSize=1m",
                        "bars/NOSUCH/coverage?barSize=1m",
                        "candles/NOSUCH?interval=1m",
                        "candles/not%20a%20symbol?interval=1m")) {
            assertProblem(Http.get(url(path)), 404, "unknown_instrument");
        }
        assertRefused("bars/HISTIT?barSize=1%20min", "barSize", "use one of 1s, 5s");
        assertRefused("bars/HISTIT", "barSize", "'barSize' is required: one of 1s");
        assertRefused("bars/HISTIT/coverage?barSize=2d", "barSize", "use one of 1s, 5s");
        assertRefused("candles/HISTIT?interval=1x", "interval", "use one of 1s, 5s");
        assertRefused("candles/HISTIT", "interval", "'interval' is required");
        assertRefused(
                "candles/HISTIT?interval=1m&from=2025-11-25T00:00:00Z&to=2025-11-24T00:00:00Z",
                "to",
                "must be after 'from'");
        assertRefused(
                "bars/HISTIT/coverage?barSize=1m&from=1764000000000&to=1763000000000",
                "to",
                "must be after 'from'");
        assertRefused("candles/HISTIT?interval=1m&limit=10001", "limit", "from 1 to 10000");
        assertRefused("bars/HISTIT?barSize=1m&symbol=AAPL", "symbol", "is not a parameter");
        assertRefused("bars/HISTIT/coverage?barSize=1m&rthOnly=maybe", "rthOnly", "true or false");
        assertRefused("bars/HISTIT?barSize=1m&from=yesterday", "from", "is not an instant");
        assertRefused("candles/HISTIT?interval=1m&interval=5m", "interval", "more than once");
        assertNoStackTraceSince(logBefore);
    }

    private static void assertRefused(String path, String field, String saying) {
        HttpResponse<String> response = Http.get(url(path));
        JsonObject problem = assertProblem(response, 400, "invalid_history_request");
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

    private static List<String> gaps(JsonObject coverage) {
        return coverage.getJsonArray("gaps").getValuesAs(JsonObject.class).stream()
                .map(gap -> gap.getString("from") + "/" + gap.getString("to"))
                .toList();
    }

    private static long instrument(Connection db, String symbol, String exchange)
            throws SQLException {
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO instruments (symbol, kind, exchange, currency, tick_size,"
                                + " on_watchlist) VALUES (?, 'STOCK', ?, 'USD', 0.01, FALSE)"
                                + " RETURNING id")) {
            insert.setString(1, symbol);
            insert.setString(2, exchange);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Bar i of a run opens at 100 + i/100 and closes a cent higher, high and low half a dollar
     * around the close; TRADES bars have a volume of 100 × i and i trades, MIDPOINT bars neither.
     */
    private static void minutes(Connection db, long instrument, String series, String first, int n)
            throws SQLException {
        boolean trades = series.equals("TRADES");
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO bars (instrument_id, bar_size, what_to_show, start_time, open,"
                                + " high, low, close, volume, wap, bar_count, source, fetched_at)"
                                + " SELECT ?, '1m', ?, CAST(? AS TIMESTAMPTZ) + i * INTERVAL '1"
                                + " minute', 100 + i / 100.0, 100.51 + i / 100.0, 99.51 + i /"
                                + " 100.0, 100.01 + i / 100.0, "
                                + (trades ? "100 * i" : "NULL")
                                + ", NULL, "
                                + (trades ? "i" : "NULL")
                                + ", 'csv', TIMESTAMPTZ '2025-12-01T00:00:00Z' FROM"
                                + " generate_series(0, ? - 1) AS i")) {
            insert.setLong(1, instrument);
            insert.setString(2, series);
            insert.setString(3, first);
            insert.setInt(4, n);
            insert.executeUpdate();
        }
    }
}

package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The front-month roll on the real jar: the E-mini contract of two quarters ago, expired, settled
 * and still watched (written to the database as an old catalog would hold it: the API takes no past
 * expiry), with today's front taken off the watchlist; one run of the {@code front-month-roll} task
 * puts the front back and takes the expired contract off.
 */
class FrontMonthRollIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();

    @Test
    void anExpiredSettledFutureIsReplacedByTheFrontMonth() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth frontMonth = YearMonth.from(FrontMonth.equityIndexExpiry(today));
        String front = FrontMonth.code("ES", frontMonth);
        YearMonth oldMonth = frontMonth.minusMonths(6);
        String expired = FrontMonth.code("ES", oldMonth);
        insertWatched(
                expired,
                oldMonth.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)));
        HttpResponse<String> settled =
                send(
                        "POST",
                        "/api/v1/instruments/" + expired + "/resolution",
                        "{\"settlementPrice\":5000}");
        assertEquals(200, settled.statusCode(), settled.body());
        if (watched(front).orElse(false)) {
            HttpResponse<String> off = send("DELETE", "/api/v1/instruments/" + front, null);
            assertTrue(off.statusCode() < 300, off.body());
        }

        HttpResponse<String> run = send("POST", "/api/v1/tasks/front-month-roll/run", null);
        assertEquals(202, run.statusCode(), run.body());

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(watched(front).orElse(false) && !watched(expired).orElse(true))
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(Optional.of(true), watched(front), front + " is watched again");
        assertEquals(Optional.of(false), watched(expired), expired + " left the watchlist");
        JsonObject task =
                Http.json(Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/tasks/front-month-roll"))
                        .asJsonObject();
        assertEquals("SUCCEEDED", task.getJsonObject("lastRun").getString("outcome"));
    }

    /** Whether the symbol is on the watchlist; empty when no instrument has it. */
    private static Optional<Boolean> watched(String symbol) {
        Map<String, Boolean> all =
                Http.json(Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/instruments"))
                        .asJsonArray()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .collect(
                                Collectors.toMap(
                                        i -> i.getString("symbol"), i -> i.getBoolean("watched")));
        return Optional.ofNullable(all.get(symbol));
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

    private static void insertWatched(String symbol, LocalDate expiry) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(
                                SERVER.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO instruments (symbol, kind, exchange, currency,"
                                        + " tick_size, expiry, on_watchlist, created_at) VALUES"
                                        + " (?, 'FUTURE', 'CME', 'USD', 0.25, ?, TRUE, ?) ON"
                                        + " CONFLICT (symbol) DO NOTHING")) {
            insert.setString(1, symbol);
            insert.setObject(2, expiry);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}

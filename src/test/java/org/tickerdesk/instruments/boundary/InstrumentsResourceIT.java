package org.tickerdesk.instruments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The instruments API on the real server and database: reads are open, writes need a token, bad
 * input is refused with a reason and changes nothing.
 */
class InstrumentsResourceIT {

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void theDefaultWatchlistHasStocksFuturesAndAnEventContract() {
        JsonArray all = Http.json(Http.get(server.baseUrl() + "/api/v1/instruments")).asJsonArray();
        List<JsonObject> watched =
                all.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(i -> i.getBoolean("watched"))
                        .toList();
        assertTrue(watched.size() >= 23, "watched: " + watched.size());
        assertTrue(watched.stream().anyMatch(i -> i.getString("symbol").equals("AAPL")));
        assertEquals(2, watched.stream().filter(i -> i.getString("kind").equals("future")).count());
        assertTrue(watched.stream().anyMatch(i -> i.getString("kind").equals("event")));
    }

    @Test
    void writingWithoutATokenIsRefused() {
        HttpResponse<String> anonymous = post("{\"symbol\":\"NOTOKEN\"}", null);
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> wrongToken = post("{\"symbol\":\"NOTOKEN\"}", "not-a-token-we-issued");
        assertEquals(401, wrongToken.statusCode());
        assertEquals(
                404,
                Http.get(server.baseUrl() + "/api/v1/instruments/NOTOKEN").statusCode(),
                "nothing was created");
    }

    @Test
    void aWatchedSymbolIsQuotedAndCanBeRemovedAgain() throws InterruptedException {
        HttpResponse<String> created =
                post(
                        "{\"symbol\":\"ibm\",\"description\":\"International Business Machines\"}",
                        TickerdeskProcess.API_TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("IBM", Http.json(created).asJsonObject().getString("symbol"));

        HttpResponse<String> quote = null;
        for (int i = 0; i < 40; i++) {
            quote = Http.get(server.baseUrl() + "/api/v1/quotes/IBM");
            if (quote.statusCode() == 200) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(200, quote.statusCode(), "the simulated market quotes a newly watched symbol");
        JsonObject q = Http.json(quote).asJsonObject();
        assertTrue(q.getJsonNumber("bid").doubleValue() < q.getJsonNumber("ask").doubleValue());

        HttpResponse<String> removed =
                Http.send(
                        HttpRequest.newBuilder(
                                        URI.create(server.baseUrl() + "/api/v1/instruments/IBM"))
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .DELETE());
        assertEquals(204, removed.statusCode(), removed.body());
        JsonObject kept =
                Http.json(Http.get(server.baseUrl() + "/api/v1/instruments/IBM")).asJsonObject();
        assertFalse(kept.getBoolean("watched"), "the instrument stays, off the watchlist");
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertRefused("{\"symbol\":\"not a symbol!\"}", "not a valid symbol");
        assertRefused("{\"symbol\":\"ZZF\",\"kind\":\"future\"}", "needs an expiry");
        assertRefused("{\"symbol\":\"ZZK\",\"kind\":\"spaceship\"}", "not a kind of instrument");
        assertRefused("{\"symbol\":\"ZZT\",\"tickSize\":\"-1\"}", "tick size");
        assertRefused(
                "{\"symbol\":\"ZZD\",\"kind\":\"event\",\"expiry\":\"tomorrow\"}", "not a date");
        HttpResponse<String> notJson = post("{\"symbol\":", TickerdeskProcess.API_TOKEN);
        assertEquals(400, notJson.statusCode(), notJson.body());
        for (String symbol : List.of("ZZF", "ZZK", "ZZT", "ZZD")) {
            assertEquals(
                    404,
                    Http.get(server.baseUrl() + "/api/v1/instruments/" + symbol).statusCode(),
                    symbol + " was not stored");
        }
    }

    @Test
    void addingAWatchedSymbolAgainIsAConflict() {
        HttpResponse<String> again = post("{\"symbol\":\"AAPL\"}", TickerdeskProcess.API_TOKEN);
        assertEquals(409, again.statusCode(), again.body());
        JsonObject problem = Http.json(again).asJsonObject();
        assertEquals("instrument_conflict", problem.getString("code"));
        assertTrue(problem.getString("detail").contains("already on the watchlist"), again.body());
    }

    @Test
    void removingAnUnknownSymbolIsNotFound() {
        HttpResponse<String> removed =
                Http.send(
                        HttpRequest.newBuilder(
                                        URI.create(server.baseUrl() + "/api/v1/instruments/NOSUCH"))
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .DELETE());
        assertEquals(404, removed.statusCode(), removed.body());
        assertEquals("unknown_instrument", Http.json(removed).asJsonObject().getString("code"));
    }

    private void assertRefused(String body, String reason) {
        HttpResponse<String> response = post(body, TickerdeskProcess.API_TOKEN);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(
                Http.json(response).asJsonObject().getString("detail").contains(reason),
                response.body());
    }

    private HttpResponse<String> post(String body, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/instruments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Http.send(request);
    }
}

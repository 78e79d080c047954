package org.tickerdesk.marketdata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * A server of its own whose quotes turn stale after 5 s and whose simulated market ticks so slowly
 * (one tick every 20 s, over all its symbols) that most symbols are stale most of the time: a stale
 * symbol keeps its last quote, marked stale with its age, over REST and in a snapshot.
 */
class StaleQuotesIT {

    private static final int STALE_SECONDS = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final TickerdeskProcess SERVER =
            new TickerdeskProcess(
                            "stale-quotes",
                            Map.of(
                                    "TICKERDESK_SIM_TICKS_PER_SECOND",
                                    "0.05",
                                    "TICKERDESK_MARKETDATA_STALE_SECONDS",
                                    Integer.toString(STALE_SECONDS)))
                    .clean();

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void aSymbolWhoseTicksStoppedKeepsItsLastQuoteMarkedStaleWithItsAge()
            throws InterruptedException {
        JsonObject stale = awaitQuote("AAPL", q -> q.getBoolean("stale"));

        assertTrue(
                stale.getJsonNumber("ageMillis").longValue() >= STALE_SECONDS * 1000L,
                stale.toString());
        assertFalse(stale.isNull("last"), "the last price known: " + stale);
        assertFalse(stale.isNull("bid"), stale.toString());
        assertTrue(stale.containsKey("ts"), stale.toString());

        HttpResponse<String> all = Http.get(SERVER.baseUrl() + "/api/v1/quotes");
        assertEquals(200, all.statusCode(), all.body());
        boolean anyStale = false;
        for (JsonValue value : Http.json(all).asJsonArray()) {
            JsonObject quote = value.asJsonObject();
            assertMarkedByItsAge(quote);
            anyStale |= quote.getBoolean("stale");
        }
        assertTrue(anyStale, "most symbols have not ticked for 5 s: " + all.body());
    }

    @Test
    void aNewSymbolsFirstQuoteIsFreshAndTheSamePriceIsLaterMarkedStale()
            throws InterruptedException {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/instruments", "{\"symbol\":\"STALEIT\"}");
        assertEquals(201, watched.statusCode(), watched.body());

        JsonObject first = awaitQuote("STALEIT", q -> true);
        assertEquals(JsonValue.FALSE, first.get("stale"), "a quote just made: " + first);

        JsonObject later = awaitQuote("STALEIT", q -> q.getBoolean("stale"));
        assertEquals(first.get("ts"), later.get("ts"), "the same quote, now older: " + later);
        assertEquals(first.get("last"), later.get("last"));
    }

    @Test
    void aSnapshotOfAStaleSymbolSaysItIsStale() throws InterruptedException {
        awaitQuote("MSFT", q -> q.getBoolean("stale"));

        try (SocketClient client = new SocketClient(SERVER.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:MSFT\"],"
                            + "\"snapshot\":true}");
            JsonObject snapshot = client.awaitType("snapshot");
            JsonObject data = snapshot.getJsonObject("data");
            assertEquals("MSFT", data.getString("symbol"), snapshot.toString());
            assertEquals(JsonValue.TRUE, data.get("stale"), snapshot.toString());
            assertFalse(data.isNull("last"), snapshot.toString());
        }
    }

    @Test
    void aSymbolNeverQuotedIsStillNotFound() {
        HttpResponse<String> unknown = Http.get(SERVER.baseUrl() + "/api/v1/quotes/NOSUCHSYM");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(
                "application/problem+json",
                unknown.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("no_quote", Http.json(unknown).asJsonObject().getString("code"));
    }

    /** Reads the symbol's quote until one matches; every one read must be marked by its age. */
    private static JsonObject awaitQuote(String symbol, Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = Http.get(SERVER.baseUrl() + "/api/v1/quotes/" + symbol);
            last = answer.body();
            if (answer.statusCode() == 200) {
                JsonObject quote = Http.json(answer).asJsonObject();
                assertMarkedByItsAge(quote);
                if (wanted.test(quote)) {
                    return quote;
                }
            } else {
                assertEquals(404, answer.statusCode(), last);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "no such quote of " + symbol + " within " + PATIENCE + ": " + last);
    }

    private static void assertMarkedByItsAge(JsonObject quote) {
        long age = quote.getJsonNumber("ageMillis").longValue();
        assertEquals(age >= STALE_SECONDS * 1000L, quote.getBoolean("stale"), quote.toString());
    }
}

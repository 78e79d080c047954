package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Live candles and indicators over /ws/market on the running server: a subscriber gets the forming
 * candle of the current minute as trades come, and the indicators it asked for with them.
 */
class LiveFiguresIT {

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void aCandleStreamCarriesTheFormingCandleOfTheCurrentPeriod() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"candles:AAPL:1m\"],"
                            + "\"snapshot\":true}");
            JsonObject ack = client.awaitType("ack");
            assertEquals("[\"candles:AAPL:1m\"]", ack.getJsonArray("subscribed").toString());

            JsonObject message =
                    client.await(
                            m -> "candle".equals(m.getString("type", "")), Duration.ofSeconds(20));
            assertEquals("candles:AAPL:1m", message.getString("stream"));
            JsonObject candle = message.getJsonObject("data");
            assertEquals("AAPL", candle.getString("symbol"));
            assertEquals("1m", candle.getString("interval"));
            long start = candle.getJsonNumber("t").longValue();
            assertEquals(0, start % 60_000, "a minute candle starts on the minute: " + start);
            long thisMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
            assertTrue(thisMinute - start <= 60_000, "it is the current or the last minute");
            double low = candle.getJsonNumber("l").doubleValue();
            double high = candle.getJsonNumber("h").doubleValue();
            double close = candle.getJsonNumber("c").doubleValue();
            assertTrue(low <= close && close <= high, candle.toString());
            assertTrue(message.getJsonNumber("offset").longValue() >= 0);
        }
    }

    @Test
    void anIndicatorStreamCarriesItsComponentsForItsCandle() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send("{\"op\":\"subscribe\",\"id\":2,\"streams\":[\"indicators:MSFT:bb:1m\"]}");
            client.awaitType("ack");

            JsonObject message =
                    client.await(
                            m -> "indicator".equals(m.getString("type", "")),
                            Duration.ofSeconds(20));
            assertEquals("indicators:MSFT:bb:1m", message.getString("stream"));
            JsonObject data = message.getJsonObject("data");
            assertEquals("bb20", data.getString("name"), "the canonical name, with its period");
            assertEquals(
                    java.util.Set.of("upper", "middle", "lower"),
                    data.getJsonObject("values").keySet());
        }
    }

    @Test
    void whatAnalyticsDoesNotComputeIsRefusedByName() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":3,\"streams\":[\"candles:AAPL:7m\","
                            + "\"indicators:AAPL:wobble:1m\",\"candles:*:1m\"]}");
            JsonObject ack = client.awaitType("ack");
            assertEquals("[]", ack.getJsonArray("subscribed").toString());
            assertEquals(
                    "unknown_stream",
                    ack.getJsonArray("rejected").getJsonObject(0).getString("code"));
            assertEquals(
                    "unknown_stream",
                    ack.getJsonArray("rejected").getJsonObject(1).getString("code"));
            assertEquals(
                    "bad_request", ack.getJsonArray("rejected").getJsonObject(2).getString("code"));
        }
    }

    @Test
    void closedCandlesAreStoredAsBarsOfTheirOwnSource() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean stored = false;
        while (!stored && System.nanoTime() < deadline) {
            String bars =
                    Http.get(server.baseUrl() + "/api/v1/bars/AAPL?barSize=1m&limit=10000").body();
            stored = bars.contains("\"source\":\"live\"");
            if (!stored) {
                Thread.sleep(2_000);
            }
        }
        assertTrue(stored, "a closed minute of AAPL is a stored bar with source live");
    }
}

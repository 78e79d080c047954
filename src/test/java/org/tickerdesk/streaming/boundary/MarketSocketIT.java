package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * /ws/market on the running server: live quotes for the whole watchlist, with their stream and
 * source time, and clear answers to bad requests.
 */
class MarketSocketIT {

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void quotesForEveryWatchedSymbolReachAWildcardSubscriber() throws InterruptedException {
        Set<String> watched =
                Http.json(Http.get(server.baseUrl() + "/api/v1/instruments")).asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(i -> i.getBoolean("watched"))
                        .map(i -> i.getString("symbol"))
                        .collect(Collectors.toSet());
        assertTrue(watched.contains("AAPL"));
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send("{\"op\":\"subscribe\",\"id\":7,\"streams\":[\"quotes:*\"]}");
            JsonObject ack = client.awaitType("ack");
            assertEquals(7, ack.getInt("id"));
            Set<String> seen = new HashSet<>();
            long now = System.currentTimeMillis();
            while (!seen.containsAll(watched)) {
                JsonObject quote =
                        client.await(
                                m -> "quote".equals(m.getString("type", "")),
                                Duration.ofSeconds(20));
                String symbol = quote.getJsonObject("data").getString("symbol");
                assertEquals("quotes:" + symbol, quote.getString("stream"));
                double ts = quote.getJsonNumber("ts").doubleValue();
                assertTrue(Math.abs(ts - now) < 60_000, "ts is the source time in epoch ms: " + ts);
                seen.add(symbol);
            }
        }
    }

    @Test
    void pingIsAnsweredWithItsId() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send("{\"op\":\"ping\",\"id\":42}");
            JsonObject pong = client.awaitType("pong");
            assertEquals(42, pong.getInt("id"));
        }
    }

    @Test
    void unknownStreamsAndBadFramesGetClearErrors() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:NOSUCHSYM\",\"quotes:AAPL\"]}");
            JsonObject ack = client.awaitType("ack");
            assertEquals("quotes:AAPL", ack.getJsonArray("subscribed").getString(0));
            JsonObject rejected = ack.getJsonArray("rejected").getJsonObject(0);
            assertEquals("quotes:NOSUCHSYM", rejected.getString("stream"));
            assertEquals("unknown_stream", rejected.getString("code"));

            client.send("this is not json");
            assertEquals("bad_request", client.awaitType("error").getString("code"));
            client.send("{\"op\":\"teleport\",\"id\":3}");
            assertEquals("unknown_op", client.awaitType("error").getString("code"));

            client.send("{\"op\":\"ping\",\"id\":4}");
            assertEquals(
                    4, client.awaitType("pong").getInt("id"), "the connection survives bad frames");
        }
    }
}

package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The data side of /ws/market on the running server, through a real WebSocket client: a client that
 * reconnects with {@code since} gets exactly the quotes it missed, {@code maxRate} is kept, trades
 * arrive and news streams are served.
 */
class StreamRecoveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final TickerdeskProcess server = SharedServer.get();

    private static boolean isQuote(JsonObject message) {
        return "quote".equals(message.getString("type", ""));
    }

    @Test
    void aClientThatReconnectsWithSinceGetsExactlyTheQuotesItMissed() throws Exception {
        try (SocketClient witness = new SocketClient(server.webSocketUrl())) {
            witness.send("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPL\"]}");
            witness.awaitType("ack");
            JsonObject last;
            try (SocketClient first = new SocketClient(server.webSocketUrl())) {
                first.send("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPL\"]}");
                first.awaitType("ack");
                for (int i = 0; i < 3; i++) {
                    first.await(StreamRecoveryIT::isQuote, PATIENCE);
                }
                last = first.await(StreamRecoveryIT::isQuote, PATIENCE);
            }
            String epoch = last.getString("epoch");
            long offset = last.getJsonNumber("offset").longValue();
            Map<Long, String> seen = new HashMap<>();
            while (seen.size() < 100 && !seen.containsKey(offset + 5)) {
                JsonObject quote = witness.await(StreamRecoveryIT::isQuote, PATIENCE);
                seen.put(quote.getJsonNumber("offset").longValue(), quote.toString());
            }

            try (SocketClient again = new SocketClient(server.webSocketUrl())) {
                again.send(
                        "{\"op\":\"subscribe\",\"id\":2,\"streams\":[\"quotes:AAPL\"],\"since\":"
                                + "{\"quotes:AAPL\":{\"epoch\":\""
                                + epoch
                                + "\",\"offset\":"
                                + offset
                                + "}}}");
                assertEquals(2, again.awaitType("ack").getInt("id"));
                JsonObject recovery = again.awaitType("recovery");
                assertTrue(recovery.getBoolean("recovered"), recovery.toString());
                long upTo = recovery.getJsonNumber("offset").longValue();
                assertTrue(upTo >= offset + 5, "it missed at least five: " + recovery);

                List<Long> offsets = new ArrayList<>();
                for (long expected = offset + 1; expected <= upTo + 5; expected++) {
                    JsonObject quote = again.await(StreamRecoveryIT::isQuote, PATIENCE);
                    long got = quote.getJsonNumber("offset").longValue();
                    offsets.add(got);
                    assertEquals(expected, got, "no gap, no repeat: " + offsets);
                    if (seen.containsKey(got)) {
                        assertEquals(seen.get(got), quote.toString(), "the very message missed");
                    }
                }
            }
        }
    }

    @Test
    void aPositionFromAnotherRunIsNotRecoveredAndASnapshotFollows() throws Exception {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPL\"],\"since\":"
                            + "{\"quotes:AAPL\":{\"epoch\":\"0000000000000000\",\"offset\":9}}}");
            client.awaitType("ack");
            JsonObject recovery = client.awaitType("recovery");
            assertEquals(false, recovery.getBoolean("recovered"));
            assertEquals("epoch_changed", recovery.getString("reason"));
            assertEquals("quotes:AAPL", client.awaitType("snapshot").getString("stream"));
        }
    }

    @Test
    void maxRateKeepsEachSymbolToItsRateWithTheLatestQuotes() throws Exception {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:*\"],\"maxRate\":2}");
            assertTrue(client.awaitType("ack").getJsonArray("rejected").isEmpty());
            long start = System.nanoTime();
            Map<String, Integer> perStream = new HashMap<>();
            Map<String, Long> lastOffset = new HashMap<>();
            boolean skipped = false;
            while (System.nanoTime() - start < Duration.ofSeconds(4).toNanos()) {
                JsonObject quote = client.await(StreamRecoveryIT::isQuote, PATIENCE);
                String stream = quote.getString("stream");
                long offset = quote.getJsonNumber("offset").longValue();
                Long before = lastOffset.put(stream, offset);
                skipped |= before != null && offset > before + 1;
                perStream.merge(stream, 1, Integer::sum);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(perStream.containsKey("quotes:AAPL"), perStream.toString());
            // one at once, then one every half second; one more for a message on its way
            perStream.forEach(
                    (stream, count) ->
                            assertTrue(
                                    count <= 2 * seconds + 2,
                                    stream + " sent " + count + " in " + seconds + " s"));
            assertTrue(skipped, "100 ticks a second over the watchlist outrun 2 a symbol");

            client.send(
                    "{\"op\":\"subscribe\",\"id\":2,\"streams\":[\"quotes:MSFT\"],\"maxRate\":0}");
            JsonObject error = client.await(m -> "error".equals(m.getString("type", "")), PATIENCE);
            assertEquals("bad_request", error.getString("code"));
            assertTrue(error.getString("message").startsWith("maxRate"), error.toString());
        }
    }

    @Test
    void tradesArriveAndNewsStreamsAreServed() throws Exception {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":1,"
                            + "\"streams\":[\"trades:*\",\"news:AAPL\",\"news:*\"]}");
            JsonObject ack = client.awaitType("ack");
            assertEquals(3, ack.getJsonArray("subscribed").size(), ack.toString());

            JsonObject trade = client.awaitType("trade");
            String symbol = trade.getJsonObject("data").getString("symbol");
            assertEquals("trades:" + symbol, trade.getString("stream"));
            assertTrue(trade.getJsonObject("data").getJsonNumber("size").longValue() > 0);
            assertTrue(trade.getJsonObject("data").getJsonNumber("price").doubleValue() > 0);
            assertTrue(trade.getJsonNumber("offset").longValue() >= 1);
        }
    }
}

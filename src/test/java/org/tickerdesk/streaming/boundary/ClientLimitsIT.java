package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * /ws/market on the running server, with its default limits, against a client that asks too much:
 * each limit answers with its error code before any close.
 */
class ClientLimitsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void aSubscribeNaming4000StreamsIsRefusedWholeWithTooManyStreams() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":\"huge\",\"streams\":["
                            + IntStream.range(0, 4_000)
                                    .mapToObj(i -> "\"quotes:S" + i + "\"")
                                    .collect(Collectors.joining(","))
                            + "]}");

            JsonObject reply = client.await(m -> true, PATIENCE);
            assertEquals("error", reply.getString("type"), "no ack: " + reply);
            assertEquals("huge", reply.getString("id"));
            assertEquals("too_many_streams", reply.getString("code"));

            client.send("{\"op\":\"list_subscriptions\",\"id\":2}");
            assertTrue(client.awaitType("subscriptions").getJsonArray("streams").isEmpty());
        }
    }

    @Test
    void requestsOverTheRateAreRefusedWithTheirIds() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            for (int i = 1; i <= 80; i++) {
                client.send("{\"op\":\"ping\",\"id\":" + i + "}");
            }

            JsonObject refused = client.awaitType("error");
            assertEquals("rate_limited", refused.getString("code"));
            assertTrue(
                    refused.getInt("id") > 50,
                    "the first 50 are the burst, served at once: " + refused);
        }
    }

    @Test
    void aClientThatKeepsFloodingIsToldAndClosedWith1008() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            flood(client);

            int code = client.awaitClose(PATIENCE);

            List<JsonObject> errors = client.drain("error");
            JsonObject last = errors.get(errors.size() - 1);
            assertEquals("rate_limited", last.getString("code"));
            assertTrue(
                    last.getString("message").endsWith("the connection is closed"),
                    last.toString());
            assertEquals(1008, code);
        }
    }

    @Test
    void a100KbFrameGetsFrameTooLargeAndThenClose1009() throws InterruptedException {
        assertRefusedAsTooLarge(100_000);
    }

    @Test
    void a2MbFrameGetsFrameTooLargeAndThenClose1009() throws InterruptedException {
        assertRefusedAsTooLarge(2_000_000);
    }

    @Test
    void anAddressOverItsLimitGetsTooManyConnectionsAndClose1008() throws InterruptedException {
        List<SocketClient> open = new ArrayList<>();
        try {
            SocketClient refused = null;
            while (refused == null && open.size() <= 50) {
                SocketClient next = new SocketClient(server.webSocketUrl());
                open.add(next);
                try {
                    next.send("{\"op\":\"ping\",\"id\":1}");
                } catch (CompletionException | IllegalStateException refusedAtOnce) {
                    // the server may have sent its error and closed before the ping went out
                }
                JsonObject reply = next.await(m -> true, PATIENCE);
                if ("error".equals(reply.getString("type"))) {
                    assertEquals("too_many_connections", reply.getString("code"));
                    refused = next;
                }
            }
            assertTrue(refused != null, "the 51st connection at the latest is refused");
            assertEquals(1008, refused.awaitClose(PATIENCE));

            open.remove(0).close();
            SocketClient after = awaitAccepted();
            open.add(after);
        } finally {
            open.forEach(SocketClient::close);
        }
    }

    /** The server learns of a closed connection a moment later. */
    private SocketClient awaitAccepted() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            SocketClient client = new SocketClient(server.webSocketUrl());
            client.send("{\"op\":\"ping\",\"id\":2}");
            if ("pong".equals(client.await(m -> true, PATIENCE).getString("type"))) {
                return client;
            }
            client.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no room for a connection after one closed");
            }
            Thread.sleep(100);
        }
    }

    private void assertRefusedAsTooLarge(int bytes) throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            client.sendWithoutWaiting(
                    "{\"op\":\"ping\",\"id\":1,\"pad\":\"" + "x".repeat(bytes) + "\"}");

            JsonObject error = client.awaitType("error");
            assertEquals("frame_too_large", error.getString("code"));
            assertEquals(1009, client.awaitClose(PATIENCE));
        }
    }

    /**
     * Pings in volleys until the server closes the connection: each volley is the burst of 50, 100
     * refused in a row and a few more for tokens that come back meanwhile, all sent before the
     * server acts on them, so that its close does not meet a client still writing (which would see
     * a broken pipe instead of the close frame). A server slow enough to refill tokens within a
     * volley gets another one.
     */
    private static void flood(SocketClient client) throws InterruptedException {
        for (int volley = 0; volley < 20 && !client.isClosed(); volley++) {
            for (int i = 0; i < 170; i++) {
                try {
                    client.send("{\"op\":\"ping\",\"id\":" + i + "}");
                } catch (CompletionException | IllegalStateException closedMeanwhile) {
                    return;
                }
            }
            for (int wait = 0; wait < 30 && !client.isClosed(); wait++) {
                Thread.sleep(100);
            }
        }
    }
}

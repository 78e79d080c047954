package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.Closing;
import org.tickerdesk.streaming.entity.RequestRate;

/**
 * What a client that asks too much is told, read through the hub as the client sees it: at most
 * {@value Fixtures#MAX_STREAMS} streams named in one request, 2 requests a second with a burst of
 * 4, 64 KiB a request and {@value Fixtures#MAX_CONNECTIONS_PER_ADDRESS} connections from one
 * address.
 */
class ClientLimitsTest {

    private final Fixtures fixtures = new Fixtures(new RequestRate(2, 4));
    private final FakeClient socket = new FakeClient();
    private final ClientConnection client = fixtures.connect(socket);

    @Test
    void aSubscribeNamingMoreStreamsThanTheLimitIsRefusedWhole() {
        fixtures.hub.receive(
                client,
                "{\"op\":\"subscribe\",\"id\":\"big\",\"streams\":["
                        + IntStream.range(0, 6)
                                .mapToObj(i -> "\"quotes:S" + i + "\"")
                                .collect(Collectors.joining(","))
                        + "]}");

        JsonObject error = socket.last();
        assertEquals("error", error.getString("type"));
        assertEquals("big", error.getString("id"));
        assertEquals("too_many_streams", error.getString("code"));
        assertEquals(
                "A request may name at most 5 streams; this one names 6",
                error.getString("message"));
        assertEquals(1, socket.messages().size(), "no ack");
        assertTrue(client.subscriptions().isEmpty());
    }

    @Test
    void anUnsubscribeNamingMoreStreamsThanTheLimitIsRefusedWhole() {
        fixtures.hub.receive(
                client,
                "{\"op\":\"unsubscribe\",\"id\":2,\"streams\":"
                    + "[\"quotes:A\",\"quotes:B\",\"quotes:C\",\"quotes:D\",\"quotes:E\",\"quotes:F\"]}");

        assertEquals("too_many_streams", socket.last().getString("code"));
        assertEquals(2, socket.last().getInt("id"));
    }

    @Test
    void aRequestOverTheRateIsRefusedWithItsIdAndNotServed() {
        for (int i = 1; i <= 4; i++) {
            ping(i);
        }

        fixtures.hub.receive(
                client, "{\"op\":\"subscribe\",\"id\":5,\"streams\":[\"quotes:AAPL\"]}");

        JsonObject error = socket.last();
        assertEquals("error", error.getString("type"));
        assertEquals(5, error.getInt("id"));
        assertEquals("rate_limited", error.getString("code"));
        assertEquals(
                "A connection may send 2 requests a second, 4 at once after a pause; this request"
                        + " was over that and is not served",
                error.getString("message"));
        assertTrue(client.subscriptions().isEmpty(), "not served");
        assertNull(socket.closedWith());
    }

    @Test
    void aMalformedRequestOverTheRateIsRefusedAsRateLimitedAndItsIdKept() {
        useUpTheBurst();

        fixtures.hub.receive(client, "{\"op\":\"teleport\",\"id\":\"t\"}");

        assertEquals("rate_limited", socket.last().getString("code"));
        assertEquals("t", socket.last().getString("id"));
    }

    @Test
    void requestsAreServedAgainOnceTheRateAllows() {
        useUpTheBurst();
        ping(5);
        assertEquals("rate_limited", socket.last().getString("code"));

        fixtures.clock.advance(Duration.ofMillis(500));
        ping(6);

        assertEquals("pong", socket.last().getString("type"), "one token in half a second");
    }

    @Test
    void binaryFramesCountTowardsTheRate() {
        useUpTheBurst();

        fixtures.hub.receiveBinary(client);

        assertEquals("rate_limited", socket.last().getString("code"));
    }

    @Test
    void aClientThatKeepsFloodingIsToldAndClosedWith1008() {
        useUpTheBurst();
        for (int i = 1; i < 100; i++) {
            ping(i);
        }
        assertNull(socket.closedWith(), "99 refused in a row are still answered one by one");

        ping(100);

        JsonObject last = socket.last();
        assertEquals("rate_limited", last.getString("code"));
        assertEquals(100, last.getInt("id"));
        assertEquals(
                "A connection may send 2 requests a second, 4 at once after a pause; 100 requests"
                        + " in a row came over that, so the connection is closed",
                last.getString("message"));
        assertEquals(new Closing(1008, "rate_limited"), socket.closedWith());
        assertEquals(0, fixtures.hub.connectedClients());
    }

    @Test
    void aServedRequestStartsTheCountOfRefusalsAfresh() {
        useUpTheBurst();
        for (int i = 1; i < 100; i++) {
            ping(i);
        }
        fixtures.clock.advance(Duration.ofMillis(500));
        ping(0);
        assertEquals("pong", socket.last().getString("type"));

        for (int i = 1; i < 100; i++) {
            ping(i);
        }

        assertNull(socket.closedWith());
    }

    @Test
    void aMessageWhosePartsPass64KiBIsToldAndClosedWith1009() {
        fixtures.hub.receive(client, "{\"op\":\"ping\",\"pad\":\"" + "x".repeat(40_000), false);
        fixtures.hub.receive(client, "x".repeat(40_000), false);

        JsonObject error = socket.last();
        assertEquals("frame_too_large", error.getString("code"));
        assertFalse(error.containsKey("id"), "the request was never read");
        assertNull(
                socket.closedWith(),
                "still open while the client sends: a close now would reset the socket and lose"
                        + " the error");

        fixtures.hub.receive(client, "x".repeat(40_000), false);
        fixtures.hub.receive(client, "x\"}", true);

        assertEquals(1, socket.messages("error").size(), "told once");
        assertEquals(new Closing(1009, "frame_too_large"), socket.closedWith());
    }

    @Test
    void nothingIsServedOnceTheConnectionIsBeingClosed() {
        FakeClient stalled = new FakeClient().stall();
        ClientConnection slow = fixtures.connect(stalled);
        fixtures.hub.receive(slow, "x".repeat(70_000));

        fixtures.hub.receive(slow, "{\"op\":\"ping\",\"id\":1}");
        stalled.release();

        assertEquals(
                List.of("frame_too_large"),
                stalled.messages().stream().map(m -> m.getString("code")).toList());
        assertEquals(new Closing(1009, "frame_too_large"), stalled.closedWith());
    }

    @Test
    void aMessageInPartsWithinTheLimitIsServed() {
        fixtures.hub.receive(client, "{\"op\":\"ping\",", false);
        fixtures.hub.receive(client, "\"id\":7}", true);

        assertEquals("pong", socket.last().getString("type"));
        assertEquals(7, socket.last().getInt("id"));
    }

    @Test
    void anAddressOverItsLimitIsToldAndClosedWith1008() {
        for (int i = 0; i < 3; i++) {
            fixtures.connectFrom("192.0.2.7", new FakeClient());
        }
        FakeClient fourth = new FakeClient();

        ClientConnection refused = fixtures.connectFrom("192.0.2.7", fourth);

        JsonObject error = fourth.last();
        assertEquals("error", error.getString("type"));
        assertEquals("too_many_connections", error.getString("code"));
        assertEquals(
                "192.0.2.7 has 3 connections open, as many as one address may",
                error.getString("message"));
        assertEquals(new Closing(1008, "too_many_connections"), fourth.closedWith());
        assertFalse(refused.isOpen());
        assertEquals(4, fixtures.hub.connectedClients(), "the three and the first client");
    }

    @Test
    void anotherAddressIsNotHeldBackByOneAtItsLimit() {
        for (int i = 0; i < 3; i++) {
            fixtures.connectFrom("192.0.2.7", new FakeClient());
        }
        FakeClient other = new FakeClient();

        fixtures.connectFrom("192.0.2.8", other);

        assertNull(other.closedWith());
    }

    @Test
    void aDisconnectedClientMakesRoomForAnotherFromItsAddress() {
        ClientConnection first = fixtures.connectFrom("192.0.2.7", new FakeClient());
        fixtures.connectFrom("192.0.2.7", new FakeClient());
        fixtures.connectFrom("192.0.2.7", new FakeClient());

        fixtures.hub.disconnect(first);
        FakeClient next = new FakeClient();
        fixtures.connectFrom("192.0.2.7", next);

        assertNull(next.closedWith());
    }

    private void useUpTheBurst() {
        for (int i = 0; i < 4; i++) {
            ping(-1);
        }
        assertEquals("pong", socket.last().getString("type"));
    }

    private void ping(int id) {
        fixtures.hub.receive(client, "{\"op\":\"ping\",\"id\":" + id + "}");
    }
}

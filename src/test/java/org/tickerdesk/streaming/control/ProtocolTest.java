package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.Closing;

/** How the server answers each request, read through the hub as a client sees it. */
class ProtocolTest {

    private final Fixtures fixtures = new Fixtures();
    private final FakeClient socket = new FakeClient();
    private ClientConnection client;

    @BeforeEach
    void connect() {
        client = fixtures.connect(socket);
    }

    private JsonObject ask(String request) {
        fixtures.hub.receive(client, request);
        return socket.last();
    }

    @Test
    void subscribeIsAckedWithTheEchoedIdAndWhatWasSubscribed() {
        JsonObject ack =
                ask("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPL\",\"quotes:*\"]}");

        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "ack")
                        .add("id", 1)
                        .add("op", "subscribe")
                        .add(
                                "subscribed",
                                Json.createArrayBuilder(List.of("quotes:AAPL", "quotes:*")))
                        .add("rejected", Json.createArrayBuilder())
                        .build(),
                ack);
    }

    @Test
    void aStringIdIsEchoedAsAString() {
        assertEquals("abc-7", ask("{\"op\":\"ping\",\"id\":\"abc-7\"}").getString("id"));
    }

    @Test
    void aNumericIdIsEchoedAsTheSameNumber() {
        assertEquals(
                new BigDecimal("12.5"),
                ask("{\"op\":\"ping\",\"id\":12.5}").getJsonNumber("id").bigDecimalValue());
    }

    @Test
    void aRequestWithoutIdGetsAReplyWithoutId() {
        assertFalse(ask("{\"op\":\"ping\"}").containsKey("id"));
    }

    @Test
    void pingIsAnsweredWithPongAndTheServerTimeInMillis() {
        JsonObject pong = ask("{\"op\":\"ping\",\"id\":4}");

        assertEquals("pong", pong.getString("type"));
        assertEquals(4, pong.getInt("id"));
        assertEquals(
                new BigDecimal("1700000000123.456"), pong.getJsonNumber("ts").bigDecimalValue());
    }

    @Test
    void listSubscriptionsNamesTheStreamsSorted() {
        ask("{\"op\":\"subscribe\",\"streams\":[\"quotes:MSFT\",\"quotes:AAPL\",\"quotes:*\"]}");

        JsonObject list = ask("{\"op\":\"list_subscriptions\",\"id\":3}");

        assertEquals("subscriptions", list.getString("type"));
        assertEquals(3, list.getInt("id"));
        assertEquals(List.of("quotes:*", "quotes:AAPL", "quotes:MSFT"), strings(list, "streams"));
    }

    @Test
    void unsubscribeIsAckedAndTheStreamIsGone() {
        ask("{\"op\":\"subscribe\",\"streams\":[\"quotes:MSFT\",\"quotes:AAPL\"]}");

        JsonObject ack =
                ask(
                        "{\"op\":\"unsubscribe\",\"id\":2,\"streams\":[\"quotes:AAPL\",\"quotes:BRK.B\",\"quotes:aapl\"]}");

        assertEquals("ack", ack.getString("type"));
        assertEquals(2, ack.getInt("id"));
        assertEquals("unsubscribe", ack.getString("op"));
        assertEquals(
                List.of("quotes:AAPL", "quotes:BRK.B"),
                strings(ack, "unsubscribed"),
                "not having it is harmless");
        assertEquals(
                "bad_request", ack.getJsonArray("rejected").getJsonObject(0).getString("code"));
        assertEquals(
                List.of("quotes:MSFT"), strings(ask("{\"op\":\"list_subscriptions\"}"), "streams"));
    }

    @Test
    void subscribingTwiceIsHarmlessAndDuplicatesCountOnce() {
        ask("{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\"]}");

        JsonObject ack =
                ask(
                        "{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\",\"quotes:AAPL\",\"quotes:MSFT\"]}");

        assertEquals(List.of("quotes:AAPL", "quotes:MSFT"), strings(ack, "subscribed"));
        assertEquals(
                List.of("quotes:AAPL", "quotes:MSFT"),
                strings(ask("{\"op\":\"list_subscriptions\"}"), "streams"));
    }

    @Test
    void aSymbolNotOnTheWatchlistIsRejectedAsUnknownStream() {
        JsonObject ack =
                ask(
                        "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPLX\",\"quotes:AAPL\"]}");

        assertEquals(List.of("quotes:AAPL"), strings(ack, "subscribed"));
        assertEquals(
                rejection("quotes:AAPLX", "unknown_stream", "AAPLX is not on the watchlist"),
                ack.getJsonArray("rejected").getJsonObject(0));
    }

    @Test
    void streamsOfKindsNotServedYetAreRejectedAsUnknownStream() {
        List<String> later = List.of("candles:AAPL:1m", "indicators:AAPL:rsi:1m", "candles:*:1m");

        for (String stream : later) {
            JsonObject ack =
                    ask(
                            Json.createObjectBuilder()
                                    .add("op", "subscribe")
                                    .add("streams", Json.createArrayBuilder(List.of(stream)))
                                    .build()
                                    .toString());

            assertTrue(strings(ack, "subscribed").isEmpty());
            assertEquals(
                    List.of(
                            rejection(
                                    stream,
                                    "unknown_stream",
                                    stream
                                            + " is not available yet: only quotes, trades, news,"
                                            + " jobs, orders, positions, tasks, resolutions,"
                                            + " notifications, traders and status are")),
                    ack.getJsonArray("rejected"));
        }
    }

    @Test
    void anUnknownKindIsAnUnknownStreamAndAMalformedNameABadRequest() {
        JsonObject ack =
                ask(
                        "{\"op\":\"subscribe\",\"streams\":[\"bars:AAPL\",\"quotes:aapl\",\"quotes\"]}");

        List<String> codes =
                ack.getJsonArray("rejected").getValuesAs(JsonObject.class).stream()
                        .map(r -> r.getString("code"))
                        .toList();
        assertEquals(List.of("unknown_stream", "bad_request", "bad_request"), codes);
    }

    @Test
    void streamsBeyondTheLimitAreRejectedAsTooManyStreams() {
        ask("{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\",\"quotes:MSFT\",\"quotes:*\"]}");

        JsonObject ack =
                ask(
                        "{\"op\":\"subscribe\",\"id\":9,\"streams\":"
                            + "[\"quotes:AAPL\",\"quotes:BRK.B\",\"quotes:ESZ6\",\"quotes:NVDA\",\"quotes:S0042\"]}");

        assertEquals(
                List.of("quotes:AAPL", "quotes:BRK.B", "quotes:ESZ6"), strings(ack, "subscribed"));
        assertEquals(
                List.of("too_many_streams", "too_many_streams"),
                ack.getJsonArray("rejected").getValuesAs(JsonObject.class).stream()
                        .map(r -> r.getString("code"))
                        .toList());
        assertEquals(
                "A connection may subscribe to at most 5 streams",
                ack.getJsonArray("rejected").getJsonObject(0).getString("message"));
    }

    @Test
    void watchlistCheckComesBeforeTheLimit() {
        ask(
                "{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\",\"quotes:MSFT\",\"quotes:BRK.B\",\"quotes:ESZ6\",\"quotes:*\"]}");

        JsonObject ack = ask("{\"op\":\"subscribe\",\"streams\":[\"quotes:NOPE\"]}");

        assertEquals(
                "unknown_stream", ack.getJsonArray("rejected").getJsonObject(0).getString("code"));
    }

    @Test
    void aRequestThatIsNotJsonGetsABadRequestError() {
        JsonObject error = ask("subscribe quotes:AAPL");

        assertEquals("error", error.getString("type"));
        assertEquals("bad_request", error.getString("code"));
        assertFalse(error.containsKey("id"));
        assertTrue(error.getString("message").startsWith("Not JSON"), error.getString("message"));
    }

    @Test
    void anUnknownOpGetsAnErrorWithTheEchoedId() {
        JsonObject error = ask("{\"op\":\"subscribe_everything\",\"id\":5}");

        assertEquals("unknown_op", error.getString("code"));
        assertEquals(5, error.getInt("id"));
    }

    @Test
    void aMissingStreamsMemberGetsABadRequestWithTheEchoedId() {
        JsonObject error = ask("{\"op\":\"subscribe\",\"id\":6}");

        assertEquals("bad_request", error.getString("code"));
        assertEquals(6, error.getInt("id"));
    }

    @Test
    void aFrameOver64KiBGetsFrameTooLargeAndTheConnectionIsClosedWith1009() {
        JsonObject error = ask("{\"op\":\"ping\",\"id\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}");

        assertEquals("frame_too_large", error.getString("code"));
        assertEquals(
                "A request may have at most 65536 bytes; this one has 70029, and the connection is"
                        + " closed",
                error.getString("message"));
        assertEquals(new Closing(1009, "frame_too_large"), socket.closedWith());
    }

    @Test
    void aBinaryFrameGetsABadRequest() {
        fixtures.hub.receiveBinary(client);

        assertEquals("bad_request", socket.last().getString("code"));
    }

    @Test
    void anErrorLeavesTheConnectionUsable() {
        ask("{]");

        assertEquals("pong", ask("{\"op\":\"ping\"}").getString("type"));
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static JsonObject rejection(String stream, String code, String message) {
        return Json.createObjectBuilder()
                .add("stream", stream)
                .add("code", code)
                .add("message", message)
                .build();
    }
}

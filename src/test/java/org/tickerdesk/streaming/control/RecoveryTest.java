package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.streaming.control.Fixtures.quote;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that comes back with {@code since} gets exactly what it missed, or is told why it cannot
 * and gets a snapshot. The fixtures' streams keep their last 5 messages for 60 seconds.
 */
class RecoveryTest {

    private final Fixtures fixtures = new Fixtures();
    private final FakeClient socket = new FakeClient();
    private final ClientConnection client = fixtures.connect(socket);

    private void tick(String symbol, double... lasts) {
        for (double last : lasts) {
            fixtures.hub.onQuote(quote(symbol, last));
        }
    }

    private void subscribe(String streams, String since) {
        fixtures.hub.receive(
                client,
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":"
                        + streams
                        + ",\"since\":"
                        + since
                        + "}");
    }

    /**
     * The client's connection before it dropped: subscribed from the start, it made the stream keep
     * what it published; it is gone by the time the client resumes.
     */
    private void subscribedEarlier(String streams, Runnable meanwhile) {
        ClientConnection earlier = fixtures.connect(new FakeClient());
        fixtures.hub.receive(
                earlier, "{\"op\":\"subscribe\",\"id\":1,\"streams\":" + streams + "}");
        meanwhile.run();
        fixtures.hub.disconnect(earlier);
    }

    private static String position(String stream, String epoch, long offset) {
        return "{\"" + stream + "\":{\"epoch\":\"" + epoch + "\",\"offset\":" + offset + "}}";
    }

    private List<String> types() {
        return socket.messages().stream().map(m -> m.getString("type")).toList();
    }

    private List<Double> lasts(String type) {
        return socket.messages(type).stream()
                .map(m -> m.getJsonObject("data").getJsonNumber("last").doubleValue())
                .toList();
    }

    @Test
    void theMessagesAfterThePositionComeAgainInOrderThenLiveOnesWithoutGapOrRepeat() {
        subscribedEarlier("[\"quotes:AAPL\"]", () -> tick("AAPL", 1, 2, 3, 4, 5));

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", Fixtures.EPOCH, 2));
        tick("AAPL", 6);

        assertEquals(List.of("ack", "recovery", "quote", "quote", "quote", "quote"), types());
        JsonObject recovery = socket.messages("recovery").get(0);
        assertEquals("quotes:AAPL", recovery.getString("stream"));
        assertTrue(recovery.getBoolean("recovered"));
        assertEquals(Fixtures.EPOCH, recovery.getString("epoch"));
        assertEquals(5, recovery.getInt("offset"), "the missed messages reach up to offset 5");
        assertEquals(List.of(3.0, 4.0, 5.0, 6.0), lasts("quote"));
        assertEquals(
                List.of(3, 4, 5, 6),
                socket.messages("quote").stream().map(m -> m.getInt("offset")).toList());
    }

    @Test
    void aClientThatMissedNothingGetsOnlyLiveMessages() {
        tick("AAPL", 1, 2);

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", Fixtures.EPOCH, 2));
        tick("AAPL", 3);

        assertEquals(List.of("ack", "recovery", "quote"), types());
        assertTrue(socket.messages("recovery").get(0).getBoolean("recovered"));
        assertEquals(3, socket.last().getInt("offset"));
    }

    @Test
    void aPositionFromAnotherServerRunIsNotRecoveredAndASnapshotFollows() {
        tick("AAPL", 1, 2);

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", "an-earlier-run", 2));

        assertEquals(List.of("ack", "recovery", "snapshot"), types());
        JsonObject recovery = socket.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("epoch_changed", recovery.getString("reason"));
        assertEquals(
                "The server restarted: epoch an-earlier-run is over, this run is test-epoch",
                recovery.getString("message"));
        assertEquals(List.of(2.0), lasts("snapshot"));
        assertEquals(2, socket.messages("snapshot").get(0).getInt("offset"));
    }

    @Test
    void messagesNoLongerKeptAreNotRecoveredAndASnapshotFollows() {
        subscribedEarlier("[\"quotes:AAPL\"]", () -> tick("AAPL", 1, 2, 3, 4, 5, 6, 7));

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", Fixtures.EPOCH, 1));

        JsonObject recovery = socket.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("history_overrun", recovery.getString("reason"));
        assertEquals(
                "The messages of quotes:AAPL after offset 1 are no longer kept; the oldest kept"
                        + " is 3",
                recovery.getString("message"));
        assertEquals(List.of(7.0), lasts("snapshot"));
        assertTrue(socket.messages("quote").isEmpty(), "no partial replay");
    }

    @Test
    void theOldestMessageStillKeptIsEnoughToRecover() {
        subscribedEarlier("[\"quotes:AAPL\"]", () -> tick("AAPL", 1, 2, 3, 4, 5, 6, 7));

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", Fixtures.EPOCH, 2));

        assertTrue(socket.messages("recovery").get(0).getBoolean("recovered"));
        assertEquals(List.of(3.0, 4.0, 5.0, 6.0, 7.0), lasts("quote"));
    }

    @Test
    void messagesOlderThanTheHistoryKeepsAreNotRecovered() {
        tick("AAPL", 1, 2);
        fixtures.scheduler.advance(Duration.ofSeconds(61));
        tick("AAPL", 3);

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", Fixtures.EPOCH, 1));

        JsonObject recovery = socket.messages("recovery").get(0);
        assertEquals("history_overrun", recovery.getString("reason"));
        assertEquals(List.of(3.0), lasts("snapshot"));
    }

    @Test
    void aPositionPastTheStreamsLastMessageIsNotRecovered() {
        tick("AAPL", 1);

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", Fixtures.EPOCH, 9));

        assertEquals("offset_ahead", socket.messages("recovery").get(0).getString("reason"));
    }

    @Test
    void aWildcardResumesEachConcreteStreamItHasAPositionFor() {
        subscribedEarlier(
                "[\"quotes:*\"]",
                () -> {
                    tick("AAPL", 1, 2, 3);
                    tick("MSFT", 10, 20);
                });

        subscribe(
                "[\"quotes:*\"]",
                "{\"quotes:AAPL\":{\"epoch\":\"test-epoch\",\"offset\":1},"
                        + "\"quotes:MSFT\":{\"epoch\":\"old\",\"offset\":7}}");

        List<JsonObject> recoveries = socket.messages("recovery");
        assertEquals(2, recoveries.size());
        JsonObject apple =
                recoveries.stream()
                        .filter(r -> r.getString("stream").equals("quotes:AAPL"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(apple.getBoolean("recovered"));
        assertEquals(List.of(2.0, 3.0), lasts("quote"));
        assertEquals(List.of(20.0), lasts("snapshot"), "MSFT's position was from another run");
    }

    @Test
    void aPositionForAStreamTheRequestDoesNotSubscribeIsABadRequest() {
        subscribe("[\"quotes:AAPL\"]", position("quotes:MSFT", Fixtures.EPOCH, 1));

        JsonObject error = socket.last();
        assertEquals("error", error.getString("type"));
        assertEquals("bad_request", error.getString("code"));
        assertEquals(
                "since names quotes:MSFT, which this request does not subscribe to",
                error.getString("message"));
        assertFalse(client.isSubscribed("quotes:AAPL"), "refused whole");
    }

    @Test
    void aPositionForAWildcardIsABadRequest() {
        subscribe("[\"quotes:*\"]", position("quotes:*", Fixtures.EPOCH, 1));

        assertEquals(
                "since names quotes:*, which is not one stream: give the position of each"
                        + " concrete stream, such as quotes:AAPL",
                socket.last().getString("message"));
    }

    @Test
    void jobsKeepsNoHistorySoAPositionGetsItsSnapshot() {
        FakeClient admin = new FakeClient();
        ClientConnection signedIn = fixtures.connectAs("admin", admin);

        fixtures.hub.receive(
                signedIn,
                "{\"op\":\"subscribe\",\"streams\":[\"jobs\"],\"since\":"
                        + position("jobs", Fixtures.EPOCH, 3)
                        + "}");

        JsonObject recovery = admin.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("no_history", recovery.getString("reason"));
    }

    @Test
    void aStreamNoClientHasJoinedKeepsNothingSoNoPositionInItIsRecovered() {
        tick("AAPL", 1, 2, 3);

        subscribe("[\"quotes:AAPL\"]", position("quotes:AAPL", Fixtures.EPOCH, 1));

        JsonObject recovery = socket.messages("recovery").get(0);
        assertFalse(recovery.getBoolean("recovered"));
        assertEquals("history_overrun", recovery.getString("reason"));
        assertEquals(
                "The messages of quotes:AAPL after offset 1 are no longer kept; the oldest kept"
                        + " is 4",
                recovery.getString("message"));
        assertEquals(List.of(3.0), lasts("snapshot"), "the latest value is still a snapshot");
        assertEquals(3, socket.messages("snapshot").get(0).getInt("offset"), "offsets counted");
    }
}

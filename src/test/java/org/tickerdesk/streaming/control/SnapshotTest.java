package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tickerdesk.streaming.control.Fixtures.quote;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.WatchlistChanged;

/** What a client asking for {@code snapshot:true} is sent, and in which order. */
class SnapshotTest {

    private final Fixtures fixtures = new Fixtures();
    private final FakeClient socket = new FakeClient();
    private ClientConnection client;

    @BeforeEach
    void connect() {
        client = fixtures.connect(socket);
    }

    private void subscribe(String streams, boolean snapshot) {
        fixtures.hub.receive(
                client,
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":"
                        + streams
                        + ",\"snapshot\":"
                        + snapshot
                        + "}");
    }

    private List<String> types() {
        return socket.messages().stream().map(m -> m.getString("type")).toList();
    }

    @Test
    void theAckComesFirstThenTheLatestQuoteThenNewerDataOnly() {
        fixtures.hub.onQuote(quote("AAPL", 189.1));
        fixtures.hub.onQuote(quote("AAPL", 189.2));

        subscribe("[\"quotes:AAPL\"]", true);
        fixtures.hub.onQuote(quote("AAPL", 189.3));

        assertEquals(List.of("ack", "snapshot", "quote"), types());
        JsonObject snapshot = socket.messages().get(1);
        assertEquals("quotes:AAPL", snapshot.getString("stream"));
        assertEquals(189.2, snapshot.getJsonObject("data").getJsonNumber("last").doubleValue());
        assertEquals(Fixtures.EPOCH, snapshot.getString("epoch"));
        assertEquals(2, snapshot.getInt("offset"), "the offset of the data message it repeats");
        assertEquals(3, socket.last().getInt("offset"));
    }

    @Test
    void aSnapshotIsShapedLikeADataMessage() {
        fixtures.hub.onQuote(quote("AAPL", Double.NaN, Double.NaN, 189.2, 1_700_000_000_123_456L));

        subscribe("[\"quotes:AAPL\"]", true);
        fixtures.hub.onQuote(quote("AAPL", 189.1, 189.3, 189.2, 1_700_000_000_124_000L));

        JsonObject snapshot = socket.messages("snapshot").get(0);
        JsonObject quote = socket.messages("quote").get(0);
        assertEquals(quote.keySet(), snapshot.keySet());
        Set<String> quoteData = new HashSet<>(quote.getJsonObject("data").keySet());
        quoteData.add("stale");
        assertEquals(quoteData, snapshot.getJsonObject("data").keySet(), "and says if stale");
        assertEquals(JsonValue.NULL, snapshot.getJsonObject("data").get("bid"));
        assertEquals(1_700_000_000_123.456, snapshot.getJsonNumber("ts").doubleValue());
    }

    @Test
    void aQuoteStaysFreshInItsSnapshotUntilItsTimeIsTheStaleLimitAgo() {
        fixtures.hub.onQuote(quote("AAPL", 189.1));
        fixtures.clock.advance(Duration.ofSeconds(Fixtures.STALE_SECONDS).minusNanos(1_000));

        subscribe("[\"quotes:AAPL\"]", true);

        JsonObject snapshot = socket.messages("snapshot").get(0);
        assertEquals(JsonValue.FALSE, snapshot.getJsonObject("data").get("stale"));
    }

    @Test
    void aQuoteWhoseTicksStoppedIsSnapshotAsTheLastPriceMarkedStale() {
        fixtures.hub.onQuote(quote("AAPL", 189.1));
        fixtures.clock.advance(Duration.ofSeconds(Fixtures.STALE_SECONDS));

        subscribe("[\"quotes:AAPL\"]", true);

        JsonObject data = socket.messages("snapshot").get(0).getJsonObject("data");
        assertEquals(189.1, data.getJsonNumber("last").doubleValue());
        assertEquals(JsonValue.TRUE, data.get("stale"));
    }

    @Test
    void aStoredQuoteFromLongAgoIsSnapshotMarkedStaleToo() {
        fixtures.stored.put("MSFT", quote("MSFT", 370.5));
        fixtures.clock.advance(Duration.ofDays(3));

        subscribe("[\"quotes:MSFT\"]", true);

        JsonObject data = socket.messages("snapshot").get(0).getJsonObject("data");
        assertEquals(370.5, data.getJsonNumber("last").doubleValue());
        assertEquals(JsonValue.TRUE, data.get("stale"));
    }

    @Test
    void aLiveQuoteSaysNothingOfStaleness() {
        subscribe("[\"quotes:AAPL\"]", false);
        fixtures.hub.onQuote(quote("AAPL", 189.1));

        assertFalse(socket.messages("quote").get(0).getJsonObject("data").containsKey("stale"));
    }

    @Test
    void withoutSnapshotOnlyTheAckAndLaterDataArrive() {
        fixtures.hub.onQuote(quote("AAPL", 189.1));

        subscribe("[\"quotes:AAPL\"]", false);

        assertEquals(List.of("ack"), types());
    }

    @Test
    void aWildcardSnapshotHasTheLatestQuoteOfEverySymbol() {
        fixtures.hub.onQuote(quote("AAPL", 189.1));
        fixtures.hub.onQuote(quote("MSFT", 370.1));
        fixtures.hub.onQuote(quote("AAPL", 189.2));

        subscribe("[\"quotes:*\"]", true);

        List<JsonObject> snapshots = socket.messages("snapshot");
        assertEquals(2, snapshots.size());
        JsonObject apple =
                snapshots.stream()
                        .filter(s -> s.getString("stream").equals("quotes:AAPL"))
                        .findFirst()
                        .orElseThrow();
        JsonObject microsoft =
                snapshots.stream()
                        .filter(s -> s.getString("stream").equals("quotes:MSFT"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(189.2, apple.getJsonObject("data").getJsonNumber("last").doubleValue());
        assertEquals(2, apple.getInt("offset"));
        assertEquals(370.1, microsoft.getJsonObject("data").getJsonNumber("last").doubleValue());
        assertEquals(1, microsoft.getInt("offset"));
    }

    @Test
    void aSymbolThatHasNotTickedInThisRunIsSnapshotFromTheStoreAtOffsetZero() {
        fixtures.stored.put("MSFT", quote("MSFT", 370.5));

        subscribe("[\"quotes:MSFT\"]", true);
        fixtures.hub.onQuote(quote("MSFT", 370.6));

        JsonObject snapshot = socket.messages("snapshot").get(0);
        assertEquals(370.5, snapshot.getJsonObject("data").getJsonNumber("last").doubleValue());
        assertEquals(0, snapshot.getInt("offset"));
        assertEquals(1, socket.last().getInt("offset"));
    }

    @Test
    void aStreamWithNoQuoteYetGetsNoSnapshot() {
        subscribe("[\"quotes:NVDA\"]", true);

        assertEquals(List.of("ack"), types());
    }

    @Test
    void onlyNewlySubscribedStreamsAreSnapshot() {
        fixtures.hub.onQuote(quote("AAPL", 189.1));
        fixtures.hub.onQuote(quote("MSFT", 370.1));
        subscribe("[\"quotes:AAPL\"]", false);
        socket.clear();

        subscribe("[\"quotes:AAPL\",\"quotes:MSFT\"]", true);

        assertEquals(
                List.of("quotes:MSFT"),
                socket.messages("snapshot").stream().map(s -> s.getString("stream")).toList());
    }

    @Test
    void aSymbolThatLeftTheWatchlistIsNoLongerSnapshot() {
        fixtures.hub.onQuote(quote("AAPL", 189.1));
        fixtures.hub.onQuote(quote("MSFT", 370.1));

        fixtures.hub.onWatchlistChanged(
                new WatchlistChanged(Contract.stock("MSFT", "SMART"), false));
        subscribe("[\"quotes:*\"]", true);

        assertEquals(
                List.of("quotes:AAPL"),
                socket.messages("snapshot").stream().map(s -> s.getString("stream")).toList());
    }

    @Test
    void aSnapshotTakenWhileTheSymbolTicksIsFollowedByTheNextOffsetsWithoutGapOrRepeat()
            throws InterruptedException {
        fixtures.hub.onQuote(quote("AAPL", 100));
        Thread feed =
                new Thread(
                        () -> {
                            for (int i = 1; i <= 2_000; i++) {
                                fixtures.hub.onQuote(quote("AAPL", 100 + i));
                            }
                        });
        feed.start();

        subscribe("[\"quotes:*\"]", true);
        feed.join();

        List<JsonObject> messages =
                socket.messages().stream().filter(m -> !m.getString("type").equals("ack")).toList();
        assertEquals("snapshot", messages.get(0).getString("type"));
        int offset = messages.get(0).getInt("offset");
        for (JsonObject message : messages.subList(1, messages.size())) {
            assertEquals("quote", message.getString("type"));
            assertEquals(++offset, message.getInt("offset"));
        }
        assertEquals(2_001, offset);
    }
}

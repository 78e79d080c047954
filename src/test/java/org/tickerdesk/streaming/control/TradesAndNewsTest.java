package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.DemandChanged;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsPublished;
import org.tickerdesk.marketdata.entity.NewsType;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * {@code trades:SYM} carries the trades the quotes reveal; {@code news:SYM} a symbol's news and
 * {@code news:*} every item, general news included.
 */
class TradesAndNewsTest {

    private static final Instant RECEIVED = Instant.parse("2025-11-20T14:30:00.250Z");

    private final Fixtures fixtures = new Fixtures();

    private FakeClient subscribed(String... streams) {
        FakeClient socket = new FakeClient();
        fixtures.hub.receive(
                fixtures.connect(socket),
                "{\"op\":\"subscribe\",\"streams\":[\""
                        + String.join("\",\"", streams)
                        + "\"],\"snapshot\":true}");
        socket.messages().stream()
                .filter(m -> m.getString("type").equals("ack"))
                .forEach(ack -> assertEquals(JsonValue.EMPTY_JSON_ARRAY, ack.get("rejected")));
        return socket;
    }

    /** A tick of AAPL: the day's volume and the last trade. */
    private void tick(double last, long lastSize, long volume, long micros) {
        fixtures.hub.onQuote(
                new Quote(
                        "AAPL",
                        last - 0.01,
                        last + 0.01,
                        last,
                        300,
                        200,
                        lastSize,
                        volume,
                        micros,
                        MarketDataType.LIVE));
    }

    static NewsPublished published(String id, String symbol) {
        return new NewsPublished(
                new News(
                        "ibkr",
                        id,
                        NewsType.REGULAR,
                        "Headline " + id,
                        null,
                        "NYSE",
                        symbol,
                        RECEIVED));
    }

    private static List<String> sourceIds(FakeClient socket, String type) {
        return socket.messages(type).stream()
                .map(m -> m.getJsonObject("data").getString("sourceId"))
                .toList();
    }

    @Test
    void aQuoteWhoseVolumeGrewIsATradeOfItsLastPriceAndSize() {
        FakeClient socket = subscribed("trades:AAPL");
        tick(189.10, 100, 5_000, 1_700_000_000_000_000L);

        tick(189.12, 200, 5_200, 1_700_000_000_123_456L);

        List<JsonObject> trades = socket.messages("trade");
        assertEquals(1, trades.size(), "the first quote only says where the volume stands");
        JsonObject trade = trades.get(0);
        assertEquals("trades:AAPL", trade.getString("stream"));
        assertEquals(
                "{\"symbol\":\"AAPL\",\"price\":189.12,\"size\":200,\"volume\":5200}",
                trade.getJsonObject("data").toString());
        assertEquals(1, trade.getInt("offset"));
        assertEquals(1_700_000_000_123.456, trade.getJsonNumber("ts").doubleValue());
    }

    @Test
    void aQuoteThatOnlyMovesTheBookIsNoTrade() {
        FakeClient socket = subscribed("trades:AAPL");
        tick(189.10, 100, 5_000, 1);

        tick(189.10, 100, 5_000, 2);
        tick(189.20, 100, 4_000, 3);

        assertTrue(socket.messages("trade").isEmpty(), "same volume, then a new day's");
    }

    @Test
    void aWildcardGetsTheTradesOfEverySymbolAndASnapshotOfTheLatest() {
        tick(189.10, 100, 5_000, 1);
        tick(189.12, 200, 5_200, 2);
        tick(189.14, 300, 5_500, 3);

        FakeClient socket = subscribed("trades:*");

        JsonObject snapshot = socket.messages("snapshot").get(0);
        assertEquals("trades:AAPL", snapshot.getString("stream"));
        assertEquals(189.14, snapshot.getJsonObject("data").getJsonNumber("price").doubleValue());
        assertEquals(2, snapshot.getInt("offset"));
    }

    @Test
    void aTradeStreamHoldsTheSymbolsMarketData() {
        subscribed("trades:MSFT");

        assertEquals(List.of(new DemandChanged("MSFT", true)), fixtures.demandChanges);
    }

    @Test
    void aSymbolsNewsGoesToItsStreamAndToTheWildcardGeneralNewsToTheWildcardOnly() {
        FakeClient apple = subscribed("news:AAPL");
        FakeClient microsoft = subscribed("news:MSFT");
        FakeClient all = subscribed("news:*");

        fixtures.hub.onNews(published("n1", "AAPL"));
        fixtures.hub.onNews(published("n2", null));

        assertEquals(List.of("n1"), sourceIds(apple, "news"));
        assertTrue(microsoft.messages("news").isEmpty());
        assertEquals(List.of("n1", "n2"), sourceIds(all, "news"));
        assertEquals(
                List.of(1, 2),
                all.messages("news").stream().map(m -> m.getInt("offset")).toList(),
                "news:* is a stream of its own, numbered on its own");
        JsonObject item = apple.messages("news").get(0);
        assertEquals("news:AAPL", item.getString("stream"));
        assertEquals(
                "{\"source\":\"ibkr\",\"sourceId\":\"n1\",\"type\":\"regular\",\"headline\":"
                        + "\"Headline n1\",\"body\":null,\"originExchange\":\"NYSE\",\"symbol\":"
                        + "\"AAPL\",\"url\":null,\"publishedAt\":\"2025-11-20T14:30:00.250Z\","
                        + "\"receivedAt\":\"2025-11-20T14:30:00.250Z\"}",
                item.getJsonObject("data").toString());
        assertEquals(1_763_649_000_250L, item.getJsonNumber("ts").longValue());
    }

    @Test
    void postedNewsCarriesItsLinkAndWhenItWasPublished() {
        FakeClient apple = subscribed("news:AAPL");

        fixtures.hub.onNews(
                new NewsPublished(
                        new News(
                                "benzinga",
                                "bz-1",
                                NewsType.REGULAR,
                                "Apple to open a plant in Texas",
                                "Line one\nline two",
                                null,
                                "AAPL",
                                "https://example.com/aapl",
                                Instant.parse("2025-11-20T14:29:30Z"),
                                RECEIVED)));

        JsonObject data = apple.messages("news").get(0).getJsonObject("data");
        assertEquals("https://example.com/aapl", data.getString("url"));
        assertEquals("2025-11-20T14:29:30Z", data.getString("publishedAt"));
        assertEquals("Line one\nline two", data.getString("body"));
        assertEquals(
                RECEIVED.toEpochMilli(),
                apple.messages("news").get(0).getJsonNumber("ts").longValue(),
                "ts is when Tickerdesk received it, as for every news message");
    }

    @Test
    void aNewsSnapshotHasTheLastFiveItemsOldestFirst() {
        for (int i = 1; i <= 7; i++) {
            fixtures.hub.onNews(published("n" + i, "AAPL"));
        }

        FakeClient socket = subscribed("news:AAPL");

        assertEquals(List.of("n3", "n4", "n5", "n6", "n7"), sourceIds(socket, "snapshot"));
        assertTrue(socket.messages("snapshot").stream().allMatch(m -> m.getInt("offset") == 7));
    }

    @Test
    void beforeAnyNewsInThisRunTheSnapshotIsTheStoredNews() {
        fixtures.storedNews.add(published("s3", "AAPL").news());
        fixtures.storedNews.add(published("s2", null).news());
        fixtures.storedNews.add(published("s1", "AAPL").news());

        FakeClient apple = subscribed("news:AAPL");
        FakeClient all = subscribed("news:*");

        assertEquals(List.of("s1", "s3"), sourceIds(apple, "snapshot"));
        assertEquals(List.of("s1", "s2", "s3"), sourceIds(all, "snapshot"));
        assertEquals(0, apple.messages("snapshot").get(0).getInt("offset"));
    }

    @Test
    void newsOfASymbolOffTheWatchlistIsAnUnknownStream() {
        FakeClient socket = new FakeClient();
        fixtures.hub.receive(
                fixtures.connect(socket), "{\"op\":\"subscribe\",\"streams\":[\"news:ZZZZ\"]}");

        JsonObject rejected = socket.last().getJsonArray("rejected").getJsonObject(0);
        assertEquals("unknown_stream", rejected.getString("code"));
    }
}

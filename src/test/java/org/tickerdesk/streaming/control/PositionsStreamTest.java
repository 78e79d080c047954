package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.trading.entity.PositionChanged;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.PositionsPriced;
import org.tickerdesk.trading.entity.Side;

/**
 * The private {@code positions} stream: who may have it, a stored change as the REST API shows the
 * position with its live price, stop and target, a batch of prices as one message with each
 * position once, that a position never goes back to an older state, and what a snapshot shows.
 */
class PositionsStreamTest {

    /** 2025-11-20T14:30:00Z is 1763649000 seconds after the epoch. */
    private static final Instant OPENED = Instant.parse("2025-11-20T14:30:00Z");

    private static final String RULES =
            "{\"stopLoss\":{\"percent\":2},\"takeProfit\":{\"percent\":5}}";

    private final Fixtures fixtures = new Fixtures();

    @Test
    void anAnonymousClientIsRefusedPositionsAsUnauthorized() {
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connect(socket), false, "positions");

        JsonObject ack = socket.last();
        assertTrue(strings(ack, "subscribed").isEmpty());
        assertEquals(
                json(
                        """
                        {"stream":"positions","code":"unauthorized",
                         "message":"positions is private: connect with Authorization: Bearer\
                         <token>, or from a page of the signed-in admin"}
                        """),
                ack.getJsonArray("rejected").getJsonObject(0));
    }

    @Test
    void aStoredChangeIsAPositionMessageAsTheRestApiShowsItWithItsLivePriceStopAndTarget() {
        FakeClient socket = signedIn("positions");
        socket.clear();
        // long 100 at 180: 2 % below is 176.4, 5 % above 189; at 181.25 it is up 125
        fixtures.enginePrices.add(
                new PositionPrice(
                        7,
                        "AAPL",
                        181.25,
                        125.0,
                        176.4,
                        189.0,
                        Instant.parse("2025-11-20T14:31:00Z")));

        changed(
                new PositionSnapshot(
                        7,
                        "AAPL",
                        "paper",
                        "paper",
                        PositionOrigin.ADMIN,
                        PositionState.OPEN,
                        Side.BUY,
                        "e-0123456789abcdef0123",
                        new BigDecimal("100.00000000"),
                        new BigDecimal("100.00000000"),
                        new BigDecimal("180.00000000"),
                        new BigDecimal("180.50000000"),
                        new BigDecimal("50.00000000"),
                        BigDecimal.ZERO,
                        new BigDecimal("0.35000000"),
                        new BigDecimal("181.00000000"),
                        RULES,
                        null,
                        OPENED,
                        null,
                        OPENED.minusMillis(20),
                        Instant.parse("2025-11-20T14:30:05.250125Z"),
                        null));

        assertEquals(
                List.of(
                        json(
                                """
                                {"type":"position","stream":"positions","data":{
                                  "id":7,"symbol":"AAPL","account":"paper","broker":"paper",
                                  "origin":"ADMIN","state":"OPEN","side":"BUY","quantity":100,
                                  "orderedQuantity":100,"averagePrice":180,"currentPrice":181.25,
                                  "unrealizedPnl":125,"realizedPnl":0,"fees":0.35,"stopLevel":176.4,
                                  "targetLevel":189,"bestPrice":181,
                                  "rules":{"stopLoss":{"percent":2.0},
                                           "takeProfit":[{"percent":5.0,"fraction":1.0}],
                                           "triggerPrice":"LAST","exitOrder":{"type":"MARKET"},
                                           "brokerProtection":"NONE"},
                                  "entryOrderId":"e-0123456789abcdef0123",
                                  "openedAt":"2025-11-20T14:30:00Z",
                                  "createdAt":"2025-11-20T14:29:59.980Z",
                                  "updatedAt":"2025-11-20T14:30:05.250125Z"},
                                 "epoch":"test-epoch","offset":1,"ts":1763649005250.125}
                                """)),
                socket.messages());
    }

    @Test
    void aClosedPositionHasNoLivePriceButItsLastWrittenOneAndItsReason() {
        fixtures.enginePrices.add(price(3, 150.0, 0, 140.0, Double.NaN));

        JsonObject data =
                PositionFrames.data(
                        new PositionSnapshot(
                                3,
                                "AAPL",
                                "paper",
                                "paper",
                                PositionOrigin.ORDER,
                                PositionState.CLOSED,
                                Side.SELL,
                                null,
                                new BigDecimal("10"),
                                BigDecimal.ZERO,
                                new BigDecimal("150"),
                                new BigDecimal("147.5"),
                                null,
                                new BigDecimal("25"),
                                new BigDecimal("0.7"),
                                null,
                                "{}",
                                "STOP_LOSS",
                                OPENED,
                                OPENED.plusSeconds(60),
                                OPENED,
                                OPENED.plusSeconds(60),
                                null),
                        null);

        assertEquals(
                json(
                        """
                        {"id":3,"symbol":"AAPL","account":"paper","broker":"paper",
                         "origin":"ORDER","state":"CLOSED","side":"SELL","quantity":0,
                         "orderedQuantity":10,"averagePrice":150,"currentPrice":147.5,
                         "realizedPnl":25,"fees":0.7,
                         "rules":{"triggerPrice":"LAST","exitOrder":{"type":"MARKET"},
                                  "brokerProtection":"NONE"},
                         "reason":"STOP_LOSS","openedAt":"2025-11-20T14:30:00Z",
                         "closedAt":"2025-11-20T14:31:00Z","createdAt":"2025-11-20T14:30:00Z",
                         "updatedAt":"2025-11-20T14:31:00Z"}
                        """),
                data);
    }

    @Test
    void aBatchOfPricesIsOnePriceMessageWithEachPositionOnceAtItsLatestPrice() {
        FakeClient socket = signedIn("positions");
        FakeClient ordersOnly = signedIn("orders");
        socket.clear();
        ordersOnly.clear();

        priced(
                price(1, 180.0, -200.0, 176.4, 189.0),
                price(2, 95.5, 45.0, Double.NaN, Double.NaN),
                price(1, 180.5, -150.0, 177.0, 189.0));

        assertEquals(
                List.of(
                        json(
                                """
                                {"type":"price","stream":"positions","data":[
                                  {"id":1,"symbol":"AAPL","currentPrice":180.5,
                                   "unrealizedPnl":-150,"stopLevel":177,"targetLevel":189,
                                   "at":"2025-11-20T14:30:01Z"},
                                  {"id":2,"symbol":"AAPL","currentPrice":95.5,
                                   "unrealizedPnl":45,"at":"2025-11-20T14:30:01Z"}],
                                 "epoch":"test-epoch","offset":1,"ts":1763649001000}
                                """)),
                socket.messages(),
                "position 1 once, at its later price; position 2 without stop or target");
        assertTrue(ordersOnly.messages().isEmpty());
    }

    @Test
    void aPriceNotYetKnownLeavesOutThePriceAndTheUnrealisedProfit() {
        assertEquals(
                json(
                        """
                        {"id":4,"symbol":"AAPL","stopLevel":98,"at":"2025-11-20T14:30:01Z"}
                        """),
                PositionFrames.price(price(4, Double.NaN, Double.NaN, 98.0, Double.NaN)));
    }

    @Test
    void offsetsCountPositionAndPriceMessagesTogether() {
        FakeClient socket = signedIn("positions");
        socket.clear();

        changed(position(1, PositionState.OPEN, 0));
        priced(price(1, 180.0, 0, 176.4, 189.0));
        changed(position(1, PositionState.CLOSING, 1));

        assertEquals(
                List.of("position 1 OPEN 1", "price 2", "position 1 CLOSING 3"), describe(socket));
    }

    @Test
    void aStateOlderThanOnePublishedIsDroppedSoAClosedPositionNeverReopens() {
        FakeClient socket = signedIn("positions");
        socket.clear();

        changed(position(1, PositionState.CLOSED, 9));
        changed(position(1, PositionState.OPEN, 1));
        changed(position(1, PositionState.CLOSING, 9));
        changed(position(1, PositionState.CLOSED, 9));

        assertEquals(
                List.of("position 1 CLOSED 1", "position 1 CLOSED 2"),
                describe(socket),
                "an earlier change, and one of the same instant less far along, are dropped");
    }

    @Test
    void anUnsubscribedOrGoneClientGetsNoMoreChangesOrPrices() {
        FakeClient leaving = new FakeClient();
        ClientConnection client = fixtures.connectAs("admin", leaving);
        subscribe(client, false, "positions");
        FakeClient gone = new FakeClient();
        ClientConnection disconnected = fixtures.connectAs("api-admin", gone);
        subscribe(disconnected, false, "positions");

        fixtures.hub.receive(client, "{\"op\":\"unsubscribe\",\"streams\":[\"positions\"]}");
        fixtures.hub.disconnect(disconnected);
        leaving.clear();
        gone.clear();
        changed(position(1, PositionState.OPEN, 0));
        priced(price(1, 180.0, 0, 176.4, 189.0));

        assertTrue(leaving.messages().isEmpty());
        assertTrue(gone.messages().isEmpty());
    }

    @Test
    void aSnapshotFollowsTheAckWithTheOpenAndClosingPositionsLongestOpenFirstWithTheirPrices() {
        fixtures.storedPositions.add(position(3, PositionState.OPEN, 0, 30));
        fixtures.storedPositions.add(position(2, PositionState.CLOSING, 0, 20));
        fixtures.storedPositions.add(position(1, PositionState.OPEN, 0, 10));
        fixtures.enginePrices.add(price(1, 181.0, 100.0, 176.4, 189.0));
        priced(price(1, 179.0, -100.0, 176.4, 189.0));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "positions");
        changed(position(3, PositionState.CLOSING, 1, 30));

        assertEquals(
                List.of(
                        "ack",
                        "snapshot 1 OPEN 1",
                        "snapshot 2 CLOSING 1",
                        "snapshot 3 OPEN 1",
                        "position 3 CLOSING 2"),
                describe(socket));
        JsonObject first = socket.messages("snapshot").get(0).getJsonObject("data");
        assertEquals(
                List.of("181", "100", "176.4", "189"),
                List.of(
                        first.get("currentPrice").toString(),
                        first.get("unrealizedPnl").toString(),
                        first.get("stopLevel").toString(),
                        first.get("targetLevel").toString()),
                "the engine's price now, not the stored one");
    }

    @Test
    void aSnapshotShowsTheNewerOfTheStoredAndThePublishedStatesAndOnlyThoseStillGuarded() {
        fixtures.storedPositions.add(position(2, PositionState.OPEN, 4, 20));
        fixtures.storedPositions.add(position(1, PositionState.OPEN, 0, 10));
        changed(position(1, PositionState.CLOSED, 3, 10));
        changed(position(2, PositionState.PENDING, 0, 20));
        changed(position(3, PositionState.OPEN, 0, 30));
        changed(position(4, PositionState.CANCELLED, 0, 40));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "positions");

        assertEquals(
                List.of("ack", "snapshot 2 OPEN 4", "snapshot 3 OPEN 4"),
                describe(socket),
                "1 closed after it was read, 2's stored state is newer, 3 opened since, 4 never"
                        + " opened");
    }

    @Test
    void whenTheStoredPositionsCannotBeReadTheSubscriptionStandsOnWhatWasPublished() {
        fixtures.positionsFail = new IllegalStateException("the database is gone");
        changed(position(1, PositionState.OPEN, 1));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "positions");
        changed(position(1, PositionState.CLOSING, 2));

        assertEquals(List.of("ack", "snapshot 1 OPEN 1", "position 1 CLOSING 2"), describe(socket));
    }

    @Test
    void aClientResumingFromAPositionIsToldTheStreamKeepsNoHistoryAndGetsTheSnapshot() {
        fixtures.storedPositions.add(position(1, PositionState.OPEN, 0));
        changed(position(1, PositionState.OPEN, 1));
        FakeClient socket = new FakeClient();

        fixtures.hub.receive(
                fixtures.connectAs("admin", socket),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"positions\"],"
                        + "\"since\":{\"positions\":{\"epoch\":\"test-epoch\",\"offset\":0}}}");

        assertEquals(
                json(
                        """
                        {"type":"recovery","stream":"positions","recovered":false,
                         "epoch":"test-epoch","offset":1,"reason":"no_history",
                         "message":"positions keeps no history: the snapshot that follows has\
                         the open positions as they are now"}
                        """),
                socket.messages().get(1));
        assertEquals("snapshot 1 OPEN 1", describe(socket).get(2));
    }

    private FakeClient signedIn(String... streams) {
        FakeClient socket = new FakeClient();
        subscribe(fixtures.connectAs("admin", socket), false, streams);
        return socket;
    }

    private void subscribe(ClientConnection client, boolean snapshot, String... streams) {
        fixtures.hub.receive(
                client,
                Json.createObjectBuilder()
                        .add("op", "subscribe")
                        .add("id", 1)
                        .add("streams", Json.createArrayBuilder(List.of(streams)))
                        .add("snapshot", snapshot)
                        .build()
                        .toString());
    }

    private void changed(PositionSnapshot position) {
        fixtures.hub.onPositionChanged(new PositionChanged(position));
    }

    private void priced(PositionPrice... prices) {
        fixtures.hub.onPositionsPriced(new PositionsPriced(List.of(prices)));
    }

    /** A price of an AAPL position one second after {@link #OPENED}. */
    private static PositionPrice price(
            long id, double price, double unrealized, double stop, double target) {
        return new PositionPrice(
                id, "AAPL", price, unrealized, stop, target, OPENED.plusSeconds(1));
    }

    private static PositionSnapshot position(long id, PositionState state, int changedAfter) {
        return position(id, state, changedAfter, 0);
    }

    /**
     * A long 100 AAPL at 180, opened {@code openedAfter} seconds after {@link #OPENED} and changed
     * {@code changedAfter} seconds after that.
     */
    private static PositionSnapshot position(
            long id, PositionState state, int changedAfter, int openedAfter) {
        Instant opened = OPENED.plusSeconds(openedAfter);
        return new PositionSnapshot(
                id,
                "AAPL",
                "paper",
                "paper",
                PositionOrigin.ADMIN,
                state,
                Side.BUY,
                null,
                new BigDecimal("100"),
                new BigDecimal("100"),
                new BigDecimal("180"),
                null,
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                RULES,
                null,
                opened,
                null,
                opened,
                opened.plusSeconds(changedAfter),
                null);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<String> describe(FakeClient socket) {
        List<String> described = new ArrayList<>();
        for (JsonObject m : socket.messages()) {
            String type = m.getString("type");
            if (type.equals("ack")) {
                described.add("ack");
            } else if (type.equals("price")) {
                described.add("price " + m.getInt("offset"));
            } else if (m.containsKey("data")) {
                JsonObject data = m.getJsonObject("data");
                described.add(
                        type
                                + " "
                                + data.getInt("id")
                                + " "
                                + data.getString("state")
                                + " "
                                + m.getInt("offset"));
            } else {
                described.add(type);
            }
        }
        return described;
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}

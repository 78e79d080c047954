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
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.OrderUpdated;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

/**
 * The private {@code orders} stream: who may have it, what an order's change looks like on the wire
 * (the REST API's shape of an order), that an order never goes back to an older state, and what a
 * snapshot shows.
 */
class OrdersStreamTest {

    /** 2025-11-20T14:30:00Z is 1763649000 seconds after the epoch. */
    private static final Instant PLACED = Instant.parse("2025-11-20T14:30:00Z");

    private final Fixtures fixtures = new Fixtures();

    @Test
    void anAnonymousClientIsRefusedOrdersAsUnauthorizedAndKeepsItsPublicStreams() {
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connect(socket), false, "quotes:AAPL", "orders");

        JsonObject ack = socket.last();
        assertEquals(List.of("quotes:AAPL"), strings(ack, "subscribed"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("stream", "orders")
                        .add("code", "unauthorized")
                        .add(
                                "message",
                                "orders is private: connect with Authorization: Bearer <token>, or"
                                        + " from a page of the signed-in admin")
                        .build(),
                ack.getJsonArray("rejected").getJsonObject(0));
    }

    @Test
    void anAuthenticatedClientHasOrders() {
        FakeClient socket = signedIn("orders");

        assertEquals(List.of("orders"), strings(socket.last(), "subscribed"));
        assertTrue(socket.last().getJsonArray("rejected").isEmpty());
    }

    @Test
    void aChangeIsAnOrderMessageWithTheOrderAsTheRestApiShowsItFillsAndCommissionIncluded() {
        FakeClient socket = signedIn("orders");
        FakeClient quotesOnly = signedIn("quotes:AAPL");
        socket.clear();
        quotesOnly.clear();
        OrderSnapshot partlyFilled =
                new OrderSnapshot(
                        "my-1",
                        "paper",
                        "AAPL",
                        Side.BUY,
                        new BigDecimal("100"),
                        OrderType.LMT,
                        new BigDecimal("189.50000000"),
                        null,
                        TimeInForce.GTC,
                        OrderState.PARTIALLY_FILLED,
                        "paper-7",
                        new BigDecimal("60"),
                        new BigDecimal("189.45"),
                        null,
                        PLACED,
                        Instant.parse("2025-11-20T14:30:05.250125Z"),
                        List.of(
                                new FillSnapshot(
                                        "e-1",
                                        new BigDecimal("40"),
                                        new BigDecimal("189.4"),
                                        new BigDecimal("0.35"),
                                        "USD",
                                        Instant.parse("2025-11-20T14:30:02Z")),
                                new FillSnapshot(
                                        "e-2",
                                        new BigDecimal("20"),
                                        new BigDecimal("189.55"),
                                        null,
                                        null,
                                        Instant.parse("2025-11-20T14:30:05.250125Z"))),
                        null);

        updated(partlyFilled);

        assertEquals(
                List.of(
                        json(
                                """
                                {"type":"order","stream":"orders","data":{
                                  "clientOrderId":"my-1","broker":"paper","symbol":"AAPL",
                                  "side":"BUY","quantity":100,"type":"LMT","limitPrice":189.5,
                                  "tif":"GTC","status":"PARTIALLY_FILLED","brokerOrderId":"paper-7",
                                  "filledQuantity":60,"avgFillPrice":189.45,"commission":0.35,
                                  "createdAt":"2025-11-20T14:30:00Z",
                                  "updatedAt":"2025-11-20T14:30:05.250125Z",
                                  "fills":[
                                    {"execId":"e-1","quantity":40,"price":189.4,"commission":0.35,
                                     "commissionCurrency":"USD","time":"2025-11-20T14:30:02Z"},
                                    {"execId":"e-2","quantity":20,"price":189.55,
                                     "time":"2025-11-20T14:30:05.250125Z"}]},
                                 "epoch":"test-epoch","offset":1,"ts":1763649005250.125}
                                """)),
                socket.messages());
        assertTrue(quotesOnly.messages().isEmpty());
    }

    @Test
    void anOrderReadWithoutItsFillsHasNeitherFillsNorCommissionAndAMarketOrderNoPrices() {
        OrderSnapshot rejected =
                new OrderSnapshot(
                        "td-2",
                        "paper",
                        "MSFT",
                        Side.SELL,
                        new BigDecimal("5"),
                        OrderType.MKT,
                        null,
                        null,
                        TimeInForce.DAY,
                        OrderState.REJECTED,
                        null,
                        BigDecimal.ZERO,
                        null,
                        "No quote for MSFT",
                        PLACED,
                        PLACED,
                        null,
                        null);

        assertEquals(
                json(
                        """
                        {"clientOrderId":"td-2","broker":"paper","symbol":"MSFT","side":"SELL",
                         "quantity":5,"type":"MKT","tif":"DAY","status":"REJECTED",
                         "filledQuantity":0,"reason":"No quote for MSFT",
                         "createdAt":"2025-11-20T14:30:00Z","updatedAt":"2025-11-20T14:30:00Z"}
                        """),
                OrderFrames.data(rejected));
    }

    @Test
    void instantsAreToTheNearestMicrosecondAsTheDatabaseKeepsThem() {
        FakeClient socket = signedIn("orders");
        socket.clear();
        OrderSnapshot fresh = order("a", OrderState.NEW, 0, 0);
        Instant placed = PLACED.plusNanos(250_125_499);
        Instant changed = PLACED.plusNanos(250_125_500);

        updated(
                new OrderSnapshot(
                        fresh.clientOrderId(),
                        fresh.broker(),
                        fresh.symbol(),
                        fresh.side(),
                        fresh.quantity(),
                        fresh.type(),
                        fresh.limitPrice(),
                        fresh.stopPrice(),
                        fresh.tif(),
                        fresh.status(),
                        null,
                        BigDecimal.ZERO,
                        null,
                        null,
                        placed,
                        changed,
                        List.of(),
                        null));

        JsonObject message = socket.last();
        assertEquals(
                "2025-11-20T14:30:00.250125Z",
                message.getJsonObject("data").getString("createdAt"));
        assertEquals(
                "2025-11-20T14:30:00.250126Z",
                message.getJsonObject("data").getString("updatedAt"));
        assertEquals(
                new BigDecimal("1763649000250.126"), message.getJsonNumber("ts").bigDecimalValue());
    }

    @Test
    void offsetsCountTheStreamsMessagesFromOne() {
        FakeClient socket = signedIn("orders");
        socket.clear();

        updated(order("a", OrderState.NEW, 0, 0));
        updated(order("b", OrderState.NEW, 0, 0));
        updated(order("a", OrderState.SUBMITTED, 0, 1));

        assertEquals(
                List.of("order a NEW 1", "order b NEW 2", "order a SUBMITTED 3"), describe(socket));
    }

    @Test
    void aStateOlderThanOnePublishedIsDroppedSoAnOrderNeverGoesBack() {
        FakeClient socket = signedIn("orders");
        socket.clear();

        updated(order("a", OrderState.CANCELLED, 0, 9));
        updated(order("a", OrderState.SUBMITTED, 0, 1));
        updated(order("a", OrderState.CANCELLED, 0, 9));

        assertEquals(List.of("order a CANCELLED 1", "order a CANCELLED 2"), describe(socket));
    }

    @Test
    void ofTwoStatesOfOneInstantTheOneLessFilledOrLessFarAlongIsOlder() {
        FakeClient socket = signedIn("orders");
        socket.clear();

        updated(order("a", OrderState.FILLED, 100, 5));
        updated(order("a", OrderState.PARTIALLY_FILLED, 40, 5));
        updated(order("b", OrderState.SUBMITTED, 0, 5));
        updated(order("b", OrderState.NEW, 0, 5));
        updated(order("c", OrderState.CANCELLED, 0, 5));
        updated(order("c", OrderState.PENDING_CANCEL, 0, 5));

        assertEquals(
                List.of("order a FILLED 1", "order b SUBMITTED 2", "order c CANCELLED 3"),
                describe(socket));
    }

    @Test
    void anUnsubscribedOrGoneClientGetsNoMoreChanges() {
        FakeClient leaving = new FakeClient();
        ClientConnection client = fixtures.connectAs("admin", leaving);
        subscribe(client, false, "orders");
        FakeClient gone = new FakeClient();
        ClientConnection disconnected = fixtures.connectAs("api-admin", gone);
        subscribe(disconnected, false, "orders");

        fixtures.hub.receive(client, "{\"op\":\"unsubscribe\",\"streams\":[\"orders\"]}");
        fixtures.hub.disconnect(disconnected);
        leaving.clear();
        gone.clear();
        updated(order("a", OrderState.NEW, 0, 0));

        assertTrue(leaving.messages().isEmpty());
        assertTrue(gone.messages().isEmpty());
    }

    @Test
    void aSnapshotFollowsTheAckWithTheRecentOrdersOldestFirstAtTheLastOffset() {
        fixtures.storedOrders.add(order("c", OrderState.SUBMITTED, 0, 0, 30));
        fixtures.storedOrders.add(order("b", OrderState.FILLED, 10, 0, 20));
        fixtures.storedOrders.add(order("a", OrderState.CANCELLED, 0, 0, 10));
        updated(order("z", OrderState.NEW, 0, 0, 1));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "orders");
        updated(order("c", OrderState.CANCELLED, 0, 1, 30));

        assertEquals(
                List.of(
                        "ack",
                        "snapshot z NEW 1",
                        "snapshot a CANCELLED 1",
                        "snapshot b FILLED 1",
                        "snapshot c SUBMITTED 1",
                        "order c CANCELLED 2"),
                describe(socket));
    }

    @Test
    void aSnapshotShowsTheNewerOfTheStoredAndThePublishedStatesAndTheOrdersPlacedSince() {
        fixtures.storedOrders.add(order("b", OrderState.SUBMITTED, 0, 4, 20));
        fixtures.storedOrders.add(order("a", OrderState.SUBMITTED, 0, 0, 10));
        updated(order("a", OrderState.CANCELLED, 0, 3, 10));
        updated(order("b", OrderState.NEW, 0, 0, 20));
        updated(order("c", OrderState.NEW, 0, 0, 30));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "orders");

        assertEquals(
                List.of(
                        "ack",
                        "snapshot a CANCELLED 3",
                        "snapshot b SUBMITTED 3",
                        "snapshot c NEW 3"),
                describe(socket),
                "a was cancelled after it was read, b's stored state is newer, c was placed since");
    }

    @Test
    void aSnapshotShowsTheNewestHundredOrders() {
        for (int i = 150; i >= 1; i--) {
            fixtures.storedOrders.add(order("o" + i, OrderState.SUBMITTED, 0, 0, i));
        }
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "orders");

        List<JsonObject> snapshot = socket.messages("snapshot");
        assertEquals(100, snapshot.size());
        assertEquals("o51", snapshot.get(0).getJsonObject("data").getString("clientOrderId"));
        assertEquals("o150", snapshot.get(99).getJsonObject("data").getString("clientOrderId"));
    }

    @Test
    void whenTheStoredOrdersCannotBeReadTheSubscriptionStandsOnWhatWasPublished() {
        fixtures.ordersFail = new IllegalStateException("the database is gone");
        updated(order("a", OrderState.SUBMITTED, 0, 1));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "orders");
        updated(order("a", OrderState.CANCELLED, 0, 2));

        assertEquals(
                List.of("ack", "snapshot a SUBMITTED 1", "order a CANCELLED 2"), describe(socket));
    }

    @Test
    void aClientResumingFromAPositionIsToldTheStreamKeepsNoHistoryAndGetsTheSnapshot() {
        fixtures.storedOrders.add(order("a", OrderState.SUBMITTED, 0, 0));
        updated(order("a", OrderState.SUBMITTED, 0, 1));
        FakeClient socket = new FakeClient();

        fixtures.hub.receive(
                fixtures.connectAs("admin", socket),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"orders\"],"
                        + "\"since\":{\"orders\":{\"epoch\":\"test-epoch\",\"offset\":0}}}");

        List<JsonObject> messages = socket.messages();
        assertEquals(
                json(
                        """
                        {"type":"recovery","stream":"orders","recovered":false,
                         "epoch":"test-epoch","offset":1,"reason":"no_history",
                         "message":"orders keeps no history: the snapshot that follows has the\
                         newest orders as they are now"}
                        """),
                messages.get(1));
        assertEquals("snapshot a SUBMITTED 1", describe(socket).get(2));
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

    private void updated(OrderSnapshot order) {
        fixtures.hub.onOrderUpdated(new OrderUpdated(order));
    }

    private static OrderSnapshot order(String id, OrderState status, int filled, int changedAfter) {
        return order(id, status, filled, changedAfter, 0);
    }

    /**
     * A limit buy of 100 AAPL at 150 placed {@code placedAfter} seconds after {@link #PLACED} and
     * changed {@code changedAfter} seconds after that.
     */
    private static OrderSnapshot order(
            String id, OrderState status, int filled, int changedAfter, int placedAfter) {
        Instant placed = PLACED.plusSeconds(placedAfter);
        return new OrderSnapshot(
                id,
                "paper",
                "AAPL",
                Side.BUY,
                new BigDecimal("100"),
                OrderType.LMT,
                new BigDecimal("150"),
                null,
                TimeInForce.GTC,
                status,
                null,
                new BigDecimal(filled),
                filled == 0 ? null : new BigDecimal("150"),
                null,
                placed,
                placed.plusSeconds(changedAfter),
                null,
                null);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<String> describe(FakeClient socket) {
        List<String> described = new ArrayList<>();
        for (JsonObject m : socket.messages()) {
            if (m.getString("type").equals("ack")) {
                described.add("ack");
            } else if (m.containsKey("data")) {
                JsonObject data = m.getJsonObject("data");
                described.add(
                        m.getString("type")
                                + " "
                                + data.getString("clientOrderId")
                                + " "
                                + data.getString("status")
                                + " "
                                + m.getInt("offset"));
            } else {
                described.add(m.getString("type"));
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

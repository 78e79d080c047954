package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The private {@code positions} stream on the running server with the paper broker: refused to an
 * anonymous connection; to one with a token, a position opened over REST arrives as a {@code
 * position} message once its order fills, the position as the REST API shows it, then a tick moves
 * its price and a {@code price} message carries it; closed, it arrives CLOSED. A symbol of this
 * test's own, held at prices the test sets, keeps the shared server's other symbols as they are.
 */
class PositionsStreamIT {

    private static final String SYMBOL = "POSSTR";
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final TickerdeskProcess SERVER = SharedServer.get();

    @BeforeAll
    static void watchAndHoldASymbolOfItsOwn() {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/instruments",
                        "{\"symbol\":\"" + SYMBOL + "\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
        tick(100.0);
    }

    @AfterAll
    static void letGo() {
        send("DELETE", "/api/v1/sim/holds/" + SYMBOL);
    }

    @Test
    void anAnonymousConnectionIsRefusedPositionsAsUnauthorized() throws InterruptedException {
        try (SocketClient client = new SocketClient(SERVER.webSocketUrl())) {
            JsonObject ack = subscribe(client, false);

            assertTrue(ack.getJsonArray("subscribed").isEmpty());
            JsonObject rejected = ack.getJsonArray("rejected").getJsonObject(0);
            assertEquals("positions", rejected.getString("stream"));
            assertEquals("unauthorized", rejected.getString("code"));
        }
    }

    @Test
    void aPositionOpenedOverRestArrivesAsAPositionThenItsPriceThenClosed()
            throws InterruptedException {
        try (SocketClient client = SocketClient.withToken(SERVER.webSocketUrl())) {
            assertEquals(
                    "positions", subscribe(client, false).getJsonArray("subscribed").getString(0));

            HttpResponse<String> opened =
                    Http.postAsAdmin(
                            SERVER.baseUrl() + "/api/v1/positions",
                            "{\"symbol\":\""
                                    + SYMBOL
                                    + "\",\"side\":\"BUY\",\"quantity\":2,"
                                    + "\"rules\":{\"stopLoss\":{\"percent\":5}}}");
            assertEquals(201, opened.statusCode(), opened.body());
            long id = Http.json(opened).asJsonObject().getJsonNumber("id").longValue();

            JsonObject open = awaitPosition(client, id, "OPEN").getJsonObject("data");
            JsonObject rest =
                    Http.json(Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/positions/" + id))
                            .asJsonObject();
            for (String name :
                    new String[] {"symbol", "side", "quantity", "averagePrice", "rules"}) {
                assertEquals(rest.get(name), open.get(name), name + " as the REST API shows it");
            }
            double entry = open.getJsonNumber("averagePrice").doubleValue();
            assertEquals(
                    entry * 0.95,
                    open.getJsonNumber("stopLevel").doubleValue(),
                    1e-6,
                    "5 % below the entry: " + open);

            tick(104.0);
            JsonObject price = awaitPrice(client, id, 104.0);
            assertEquals(
                    (104.0 - entry) * 2,
                    price.getJsonNumber("unrealizedPnl").doubleValue(),
                    1e-6,
                    price.toString());
            assertEquals(
                    open.getJsonNumber("stopLevel").doubleValue(),
                    price.getJsonNumber("stopLevel").doubleValue(),
                    1e-6);

            HttpResponse<String> closed =
                    Http.postAsAdmin(SERVER.baseUrl() + "/api/v1/positions/" + id + "/close", "");
            assertEquals(200, closed.statusCode(), closed.body());
            JsonObject last = awaitPosition(client, id, "CLOSED").getJsonObject("data");
            assertEquals(0, last.getJsonNumber("quantity").intValue());
            assertTrue(last.get("realizedPnl") instanceof jakarta.json.JsonNumber, last.toString());
        }
    }

    private static JsonObject awaitPosition(SocketClient client, long id, String state)
            throws InterruptedException {
        return client.await(
                m ->
                        "position".equals(m.getString("type", ""))
                                && m.getJsonObject("data").getJsonNumber("id").longValue() == id
                                && state.equals(m.getJsonObject("data").getString("state")),
                PATIENCE);
    }

    /** The entry of position {@code id} in the first price message that has it at this price. */
    private static JsonObject awaitPrice(SocketClient client, long id, double last)
            throws InterruptedException {
        JsonObject message =
                client.await(
                        m ->
                                "price".equals(m.getString("type", ""))
                                        && entry(m, id) != null
                                        && entry(m, id).getJsonNumber("currentPrice") != null
                                        && entry(m, id).getJsonNumber("currentPrice").doubleValue()
                                                == last,
                        PATIENCE);
        return entry(message, id);
    }

    private static JsonObject entry(JsonObject priceMessage, long id) {
        for (JsonValue value : priceMessage.getJsonArray("data")) {
            JsonObject entry = value.asJsonObject();
            if (entry.getJsonNumber("id").longValue() == id) {
                return entry;
            }
        }
        return null;
    }

    private static JsonObject subscribe(SocketClient client, boolean snapshot)
            throws InterruptedException {
        client.send(
                "{\"op\":\"subscribe\",\"id\":\"positions\",\"streams\":[\"positions\"],"
                        + "\"snapshot\":"
                        + snapshot
                        + "}");
        return client.await(
                m ->
                        "ack".equals(m.getString("type", ""))
                                && "positions".equals(m.getString("id", "")),
                Duration.ofSeconds(10));
    }

    private static void tick(double last) {
        HttpResponse<String> injected =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/sim/ticks",
                        "{\"symbol\":\"" + SYMBOL + "\",\"last\":" + last + ",\"hold\":true}");
        assertEquals(200, injected.statusCode(), injected.body());
    }

    private static HttpResponse<String> send(String method, String path) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}

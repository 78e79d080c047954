package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The private {@code orders} stream on the running server with the paper broker: refused to an
 * anonymous connection; to one with a token, an order placed and cancelled over REST arrives state
 * by state, in order, each as the REST API shows the order, and a later subscriber's snapshot shows
 * it as it ended.
 */
class OrdersStreamIT {

    private final TickerdeskProcess server = SharedServer.get();

    /** The order messages {@link #awaitOrder} saw, in order. */
    private final List<JsonObject> states = new ArrayList<>();

    @Test
    void anAnonymousConnectionIsRefusedOrdersAsUnauthorized() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            JsonObject ack = subscribe(client, false);

            assertTrue(ack.getJsonArray("subscribed").isEmpty());
            JsonObject rejected = ack.getJsonArray("rejected").getJsonObject(0);
            assertEquals("orders", rejected.getString("stream"));
            assertEquals("unauthorized", rejected.getString("code"));
        }
    }

    @Test
    void aRestingLimitOrderPlacedAndCancelledOverRestArrivesStateByStateInOrder()
            throws InterruptedException {
        String id = "it-stream-" + UUID.randomUUID().toString().substring(0, 8);
        try (SocketClient client = SocketClient.withToken(server.webSocketUrl())) {
            assertEquals(
                    "orders", subscribe(client, false).getJsonArray("subscribed").getString(0));

            HttpResponse<String> placed =
                    Http.postAsAdmin(
                            server.baseUrl() + "/api/v1/orders",
                            "{\"clientOrderId\":\""
                                    + id
                                    + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":3,"
                                    + "\"type\":\"LMT\",\"limitPrice\":1.00,\"tif\":\"GTC\"}");
            assertEquals(201, placed.statusCode(), placed.body());
            awaitOrder(client, id, "SUBMITTED");
            HttpResponse<String> cancelled =
                    Http.send(
                            HttpRequest.newBuilder(
                                            URI.create(server.baseUrl() + "/api/v1/orders/" + id))
                                    .header(
                                            "Authorization",
                                            "Bearer " + TickerdeskProcess.API_TOKEN)
                                    .DELETE());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            JsonObject last = awaitOrder(client, id, "CANCELLED");

            List<JsonObject> seen = new ArrayList<>(states);
            assertEquals(
                    List.of("NEW", "SUBMITTED", "CANCELLED"),
                    seen.stream()
                            .map(m -> m.getJsonObject("data").getString("status"))
                            .filter(s -> !s.equals("PENDING_CANCEL"))
                            .toList(),
                    "every state once, in order: " + seen);
            long previous = 0;
            for (JsonObject message : seen) {
                assertTrue(message.getJsonNumber("offset").longValue() > previous, seen.toString());
                previous = message.getJsonNumber("offset").longValue();
            }
            assertEquals(
                    Http.json(Http.getAsAdmin(server.baseUrl() + "/api/v1/orders/" + id)),
                    last.getJsonObject("data"),
                    "the order as GET /api/v1/orders/{id} shows it");
        }
        try (SocketClient later = SocketClient.withToken(server.webSocketUrl())) {
            subscribe(later, true);

            JsonObject snapshot =
                    later.await(
                            m ->
                                    "snapshot".equals(m.getString("type", ""))
                                            && id.equals(
                                                    m.getJsonObject("data")
                                                            .getString("clientOrderId")),
                            Duration.ofSeconds(10));
            assertEquals("CANCELLED", snapshot.getJsonObject("data").getString("status"));
        }
    }

    /** Waits for the order's state, keeping each of its messages on the way. */
    private JsonObject awaitOrder(SocketClient client, String id, String status)
            throws InterruptedException {
        while (true) {
            JsonObject message =
                    client.await(
                            m ->
                                    "order".equals(m.getString("type", ""))
                                            && id.equals(
                                                    m.getJsonObject("data")
                                                            .getString("clientOrderId")),
                            Duration.ofSeconds(10));
            states.add(message);
            if (status.equals(message.getJsonObject("data").getString("status"))) {
                return message;
            }
        }
    }

    private static JsonObject subscribe(SocketClient client, boolean snapshot)
            throws InterruptedException {
        client.send(
                "{\"op\":\"subscribe\",\"id\":\"orders\",\"streams\":[\"orders\"],\"snapshot\":"
                        + snapshot
                        + "}");
        return client.await(
                m ->
                        "ack".equals(m.getString("type", ""))
                                && "orders".equals(m.getString("id", "")),
                Duration.ofSeconds(10));
    }
}

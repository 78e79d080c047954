package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.StatusChanged;

/**
 * The private {@code status} stream: the server's status as the admin gathered it, to authenticated
 * clients only, numbered, snapshotted and recovered like any other stream.
 */
class StatusStreamTest {

    private static final Instant READ_AT = Instant.parse("2025-11-20T14:30:12Z");

    private final Fixtures fixtures = new Fixtures();

    private static JsonObject status(String database) {
        return Json.createObjectBuilder()
                .add("bannerClass", "td-broker td-broker-paper")
                .add("banner", Json.createArrayBuilder())
                .add(
                        "cards",
                        Json.createArrayBuilder()
                                .add(
                                        Json.createObjectBuilder()
                                                .add("id", "database")
                                                .add("label", "Database")
                                                .add(
                                                        "elements",
                                                        Json.createArrayBuilder()
                                                                .add(
                                                                        Json.createObjectBuilder()
                                                                                .add(
                                                                                        "id",
                                                                                        "database")
                                                                                .add(
                                                                                        "text",
                                                                                        database)
                                                                                .add(
                                                                                        "styleClass",
                                                                                        "td-state")))))
                .build();
    }

    private void changed(String database) {
        fixtures.hub.onStatusChanged(new StatusChanged(status(database), READ_AT));
    }

    private void send(ClientConnection client, String request) {
        fixtures.hub.receive(client, request);
    }

    @Test
    void anAnonymousClientIsRefusedStatusAsUnauthorized() {
        FakeClient socket = new FakeClient();

        send(fixtures.connect(socket), "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"]}");

        JsonObject ack = socket.last();
        assertTrue(ack.getJsonArray("subscribed").isEmpty());
        JsonObject rejected = ack.getJsonArray("rejected").getJsonObject(0);
        assertEquals("status", rejected.getString("stream"));
        assertEquals("unauthorized", rejected.getString("code"));
    }

    @Test
    void aChangeReachesEveryAuthenticatedSubscriberAsAStatusMessage() {
        FakeClient one = new FakeClient();
        FakeClient quotesOnly = new FakeClient();
        send(
                fixtures.connectAs("admin", one),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"]}");
        send(
                fixtures.connectAs("admin", quotesOnly),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPL\"]}");
        assertEquals(
                List.of("status"),
                one.last().getJsonArray("subscribed").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
        one.clear();
        quotesOnly.clear();

        changed("UP");

        JsonObject expected =
                Json.createObjectBuilder()
                        .add("type", "status")
                        .add("stream", "status")
                        .add("data", status("UP"))
                        .add("epoch", Fixtures.EPOCH)
                        .add("offset", 1)
                        .add("ts", new BigDecimal("1763649012000"))
                        .build();
        assertEquals(List.of(expected), one.messages());
        assertTrue(quotesOnly.messages().isEmpty());
    }

    @Test
    void aSnapshotIsTheLatestStatus() {
        changed("UP");
        changed("DOWN");
        FakeClient socket = new FakeClient();

        send(
                fixtures.connectAs("admin", socket),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"],\"snapshot\":true}");

        JsonObject snapshot = socket.last();
        assertEquals("snapshot", snapshot.getString("type"));
        assertEquals(2, snapshot.getInt("offset"));
        assertEquals(status("DOWN"), snapshot.getJsonObject("data"));
    }

    @Test
    void aClientThatReconnectsWithItsPositionGetsTheStatusesItMissed() {
        ClientConnection earlier = fixtures.connectAs("admin", new FakeClient());
        send(earlier, "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"]}");
        changed("UP");
        changed("DOWN");
        changed("UP");
        fixtures.hub.disconnect(earlier);
        FakeClient socket = new FakeClient();

        send(
                fixtures.connectAs("admin", socket),
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"],\"since\":{\"status\":"
                        + "{\"epoch\":\""
                        + Fixtures.EPOCH
                        + "\",\"offset\":1}}}");

        List<JsonObject> messages = socket.messages();
        assertEquals("ack", messages.get(0).getString("type"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("type", "recovery")
                        .add("stream", "status")
                        .add("recovered", true)
                        .add("epoch", Fixtures.EPOCH)
                        .add("offset", 3)
                        .build(),
                messages.get(1));
        assertEquals(
                List.of("status 2", "status 3"),
                messages.subList(2, messages.size()).stream()
                        .map(m -> m.getString("type") + " " + m.getInt("offset"))
                        .toList());
    }

    @Test
    void anUnsubscribedClientGetsNoMoreStatus() {
        FakeClient socket = new FakeClient();
        ClientConnection client = fixtures.connectAs("admin", socket);
        send(client, "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"]}");
        send(client, "{\"op\":\"unsubscribe\",\"id\":2,\"streams\":[\"status\"]}");
        socket.clear();

        changed("UP");

        assertTrue(socket.messages().isEmpty());
    }
}

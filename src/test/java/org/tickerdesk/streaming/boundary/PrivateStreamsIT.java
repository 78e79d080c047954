package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.AdminSession;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The private {@code jobs} and {@code status} streams of /ws/market on the running server: jobs
 * refused to an anonymous connection, served to one whose handshake carried a bearer token or the
 * signed-in admin's session; a wrong token gets no connection at all, nor does the session from
 * another origin.
 */
class PrivateStreamsIT {

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void anAnonymousConnectionIsRefusedJobsAsUnauthorized() throws InterruptedException {
        try (SocketClient client = new SocketClient(server.webSocketUrl())) {
            JsonObject ack = client.subscribeToJobs(false);

            assertTrue(ack.getJsonArray("subscribed").isEmpty());
            JsonObject rejected = ack.getJsonArray("rejected").getJsonObject(0);
            assertEquals("jobs", rejected.getString("stream"));
            assertEquals("unauthorized", rejected.getString("code"));
            assertTrue(
                    rejected.getString("message").contains("Authorization: Bearer"),
                    rejected.getString("message"));
        }
    }

    @Test
    void aConnectionWithABearerTokenHasJobsAndItsSnapshot() throws InterruptedException {
        try (SocketClient client = SocketClient.withToken(server.webSocketUrl())) {
            JsonObject ack = client.subscribeToJobs(true);

            assertEquals("jobs", ack.getJsonArray("subscribed").getString(0));
            assertTrue(ack.getJsonArray("rejected").isEmpty());
            client.send("{\"op\":\"ping\",\"id\":2}");
            assertEquals(2, client.awaitType("pong").getInt("id"), "the connection carries on");
        }
    }

    @Test
    void aConnectionWithABearerTokenHasTheServersStatus() throws InterruptedException {
        try (SocketClient client = SocketClient.withToken(server.webSocketUrl())) {
            client.send(
                    "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"],\"snapshot\":true}");

            JsonObject ack = client.awaitType("ack");
            assertEquals("status", ack.getJsonArray("subscribed").getString(0));
            // a server started in the last two seconds has no status yet: then its first one
            JsonObject snapshot =
                    client.await(
                            m ->
                                    "status".equals(m.getString("stream", ""))
                                            && m.containsKey("data"),
                            Duration.ofSeconds(10));
            assertTrue(
                    snapshot.getJsonObject("data").getJsonArray("cards").stream()
                            .map(JsonValue::asJsonObject)
                            .anyMatch(card -> card.getString("id").equals("source")),
                    "the market-data source's card is among the cards: " + snapshot);
        }
    }

    @Test
    void theSignedInAdminsSessionAuthenticatesAHandshakeFromItsOwnOrigin()
            throws InterruptedException {
        try (SocketClient client =
                new SocketClient(
                        server.webSocketUrl(),
                        Map.of("Cookie", signedInAdmin().cookie(), "Origin", server.baseUrl()))) {
            JsonObject ack = client.subscribeToJobs(false);

            assertEquals("jobs", ack.getJsonArray("subscribed").getString(0));
        }
    }

    @Test
    void theSessionFromAForeignOriginIsRefusedAtTheHandshake() {
        String cookie = signedInAdmin().cookie();

        assertEquals(
                403,
                refusal(Map.of("Cookie", cookie, "Origin", "http://evil.example")),
                "another site's page");
        assertEquals(
                403,
                refusal(
                        Map.of(
                                "Cookie",
                                cookie,
                                "Origin",
                                "http://localhost:" + (server.port() + 1))),
                "another port of this host");
        assertEquals(403, refusal(Map.of("Cookie", cookie)), "no Origin at all");
    }

    @Test
    void aTokenIsAcceptedFromAnyOrigin() throws InterruptedException {
        try (SocketClient client =
                new SocketClient(
                        server.webSocketUrl(),
                        Map.of(
                                "Authorization",
                                "Bearer " + TickerdeskProcess.API_TOKEN,
                                "Origin",
                                "http://evil.example"))) {
            JsonObject ack = client.subscribeToJobs(false);

            assertEquals("jobs", ack.getJsonArray("subscribed").getString(0));
        }
    }

    @Test
    void anAnonymousConnectionIsAcceptedFromAnyOrigin() throws InterruptedException {
        try (SocketClient client =
                new SocketClient(server.webSocketUrl(), Map.of("Origin", "http://evil.example"))) {
            client.send("{\"op\":\"ping\",\"id\":1}");

            assertEquals(1, client.awaitType("pong").getInt("id"));
        }
    }

    private AdminSession signedInAdmin() {
        AdminSession admin =
                AdminSession.logIn(server.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        assertTrue(admin.loggedIn(), admin.page());
        return admin;
    }

    /** The HTTP status the handshake with these headers was refused with. */
    private int refusal(Map<String, String> headers) {
        CompletionException refused =
                assertThrows(
                        CompletionException.class,
                        () -> new SocketClient(server.webSocketUrl(), headers).close());
        assertTrue(
                refused.getCause() instanceof WebSocketHandshakeException,
                String.valueOf(refused.getCause()));
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    @Test
    void aWrongTokenIsRefusedAtTheHandshake() {
        CompletionException refused =
                assertThrows(
                        CompletionException.class,
                        () ->
                                new SocketClient(
                                                server.webSocketUrl(),
                                                Map.of(
                                                        "Authorization",
                                                        "Bearer not-a-token-at-all"))
                                        .close());

        assertTrue(
                refused.getCause() instanceof WebSocketHandshakeException,
                String.valueOf(refused.getCause()));
        assertEquals(
                401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }
}

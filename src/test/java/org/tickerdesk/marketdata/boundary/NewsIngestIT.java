package org.tickerdesk.marketdata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.AdminSession;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * A feed of one's own posts news with a token: it is stored once per source and id, sent on the
 * news streams as a source's news is, and read back over REST; without a token, or with only the
 * admin's login cookie, nothing is posted.
 */
class NewsIngestIT {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final TickerdeskProcess server = SharedServer.get();

    /** An id of this run's own, so that a rerun on a kept server is not a repeat. */
    private final String id = "it-" + UUID.randomUUID();

    private HttpResponse<String> post(String json) {
        return Http.postAsAdmin(server.baseUrl() + "/api/v1/news", json);
    }

    private SocketClient subscribed(String... streams) throws InterruptedException {
        SocketClient client = new SocketClient(server.webSocketUrl());
        client.send(
                Json.createObjectBuilder()
                        .add("op", "subscribe")
                        .add("id", "news")
                        .add("streams", Json.createArrayBuilder(List.of(streams)))
                        .build()
                        .toString());
        JsonObject ack = client.awaitType("ack");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, ack.get("rejected"), ack.toString());
        return client;
    }

    private static JsonObject awaitNews(SocketClient client, String stream, String sourceId)
            throws InterruptedException {
        return client.await(
                m ->
                        "news".equals(m.getString("type", ""))
                                && stream.equals(m.getString("stream"))
                                && sourceId.equals(
                                        m.getJsonObject("data").getString("sourceId", "")),
                PATIENCE);
    }

    @Test
    void postedNewsAboutASymbolIsStoredSentOnItsStreamAndTheWildcardAndReadBack()
            throws InterruptedException {
        try (SocketClient apple = subscribed("news:AAPL");
                SocketClient all = subscribed("news:*")) {
            HttpResponse<String> created =
                    post(
                            "{\"source\":\"it-feed\",\"id\":\""
                                    + id
                                    + "\",\"symbol\":\"AAPL\",\"headline\":\"Apple to open a"
                                    + " plant in Texas\",\"body\":\"Apple said on Thursday\\nthat"
                                    + " it would.\",\"url\":\"https://example.com/aapl-texas\","
                                    + "\"publishedAt\":\"2025-11-20T09:29:30-05:00\"}");

            assertEquals(201, created.statusCode(), created.body());
            JsonObject item = Http.json(created).asJsonObject();
            String location = created.headers().firstValue("Location").orElse("");
            assertTrue(
                    location.endsWith("/api/v1/news/items/" + item.getJsonNumber("id")),
                    location + " for " + item);
            assertEquals("it-feed", item.getString("source"));
            assertEquals(id, item.getString("sourceId"));
            assertEquals("regular", item.getString("type"));
            assertEquals("AAPL", item.getString("symbol"));
            assertEquals("Apple to open a plant in Texas", item.getString("headline"));
            assertEquals("Apple said on Thursday\nthat it would.", item.getString("body"));
            assertEquals("https://example.com/aapl-texas", item.getString("url"));
            assertEquals("2025-11-20T14:29:30Z", item.getString("publishedAt"));

            JsonObject onSymbol = awaitNews(apple, "news:AAPL", id);
            JsonObject onWildcard = awaitNews(all, "news:*", id);
            assertEquals(
                    "Apple to open a plant in Texas",
                    onSymbol.getJsonObject("data").getString("headline"));
            assertEquals(onSymbol.getJsonObject("data"), onWildcard.getJsonObject("data"));
            assertEquals(
                    item.getString("receivedAt"),
                    onSymbol.getJsonObject("data").getString("receivedAt"));

            assertEquals(item, Http.json(Http.get(location)).asJsonObject(), "the Location");
            assertEquals(
                    item,
                    Http.json(Http.get(server.baseUrl() + "/api/v1/news/AAPL"))
                            .asJsonArray()
                            .stream()
                            .map(JsonValue::asJsonObject)
                            .filter(n -> id.equals(n.getString("sourceId")))
                            .findFirst()
                            .orElseThrow(),
                    "the symbol's news");
            assertTrue(
                    Http.get(server.baseUrl() + "/api/v1/news?limit=500").body().contains(id),
                    "all news");
        }
    }

    @Test
    void theSameSourceAndIdAgainStoresAndSendsNothingAndSaysWhichItemStands()
            throws InterruptedException {
        try (SocketClient all = subscribed("news:*")) {
            String first = "{\"source\":\"it-feed\",\"id\":\"" + id + "\",\"headline\":\"First\"}";
            HttpResponse<String> created = post(first);
            assertEquals(201, created.statusCode(), created.body());
            awaitNews(all, "news:*", id);

            HttpResponse<String> again =
                    post("{\"source\":\"it-feed\",\"id\":\"" + id + "\",\"headline\":\"Again\"}");

            assertEquals(200, again.statusCode(), again.body());
            assertEquals(Http.json(created), Http.json(again), "the item stored first stands");
            assertTrue(again.headers().firstValue("Location").isEmpty());
            Thread.sleep(1_000);
            assertTrue(
                    all.drain("news").stream()
                            .noneMatch(
                                    m ->
                                            id.equals(
                                                    m.getJsonObject("data")
                                                            .getString("sourceId", ""))),
                    "a repeat is not sent again");
            assertEquals(
                    1,
                    Http.get(server.baseUrl() + "/api/v1/news?limit=500")
                                    .body()
                                    .split(id, -1)
                                    .length
                            - 1,
                    "stored once");
        }
    }

    @Test
    void generalNewsGoesToTheWildcardOnly() throws InterruptedException {
        try (SocketClient both = subscribed("news:AAPL", "news:*")) {
            HttpResponse<String> created =
                    post(
                            "{\"source\":\"it-feed\",\"id\":\""
                                    + id
                                    + "\",\"headline\":\"Fed minutes at 14:00 ET\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertFalse(Http.json(created).asJsonObject().containsKey("symbol"));

            awaitNews(both, "news:*", id);
            Thread.sleep(500);
            assertTrue(
                    both.drain("news").stream()
                            .noneMatch(m -> "news:AAPL".equals(m.getString("stream"))),
                    "nothing on news:AAPL");
        }
    }

    @Test
    void withoutATokenOrWithOnlyTheAdminsLoginCookieNothingIsPosted() {
        String body = "{\"source\":\"it-feed\",\"id\":\"" + id + "\",\"headline\":\"Forged\"}";
        HttpRequest.Builder anonymous =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/news"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        assertProblem(Http.send(anonymous), 401, "unauthorized");

        AdminSession admin =
                AdminSession.logIn(server.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        assertTrue(admin.loggedIn(), admin.page());
        HttpResponse<String> byCookie =
                admin.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/news"))
                                .header("Content-Type", "application/json")
                                .header("Origin", server.baseUrl())
                                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(byCookie, 401, "unauthorized");

        HttpRequest.Builder wrongToken =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/news"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer not-a-token-of-this-server")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        assertProblem(Http.send(wrongToken), 401, "unauthorized");

        assertFalse(
                Http.get(server.baseUrl() + "/api/v1/news?limit=500").body().contains(id),
                "nothing stored");
    }

    @Test
    void aBodyThatIsNotExactlyPostedNewsIsRefusedNamingEveryFieldAtFault() {
        JsonObject problem =
                assertProblem(
                        post(
                                "{\"source\":\"it-feed\",\"id\":3391,\"headline\":\" \","
                                        + "\"symbol\":\"NOSUCHSYM\",\"title\":\"x\"}"),
                        400,
                        "invalid_news");
        assertEquals(
                List.of("title", "id", "symbol", "headline"),
                problem.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList(),
                problem.toString());
        assertProblem(
                post("{\"source\":\"it-feed\",\"headline\":\"" + "h".repeat(301) + "\"}"),
                400,
                "invalid_news");
        assertProblem(
                post("{\"source\":\"ibkr\",\"id\":\"1021\",\"headline\":\"A forged bulletin\"}"),
                400,
                "invalid_news");
    }

    @Test
    void theNewsOfASymbolTickerdeskDoesNotKnowIsNotFound() {
        assertProblem(
                Http.get(server.baseUrl() + "/api/v1/news/NOSUCHSYM"), 404, "unknown_instrument");
        assertProblem(
                Http.get(server.baseUrl() + "/api/v1/news/items/999999999"), 404, "unknown_news");
    }

    private static JsonObject assertProblem(
            HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                response.body());
        JsonObject problem = Http.json(response).asJsonObject();
        assertEquals(code, problem.getString("code"), response.body());
        return problem;
    }
}

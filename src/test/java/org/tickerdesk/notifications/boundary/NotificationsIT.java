package org.tickerdesk.notifications.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The real jar delivers through every channel to servers on this machine: a webhook (a JDK HTTP
 * server that checks the signature), a stand-in for Telegram's Bot API, and an SMTP server
 * (GreenMail). Each message arrives exactly once; a webhook that fails keeps its messages, is
 * marked failing, and gets them once it recovers. Retries are fast here: 200 ms doubling up to a
 * second, failing after three failures in a row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsIT {

    private static final String SECRET = "it-webhook-secret";
    private static final String TOKEN = "123456:it-telegram-token";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A request a local server received, and the status it answered. */
    record Received(Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private static final List<Received> webhook = new CopyOnWriteArrayList<>();
    private static final List<Received> telegram = new CopyOnWriteArrayList<>();
    private static volatile int webhookAnswer = 200;
    private static HttpServer local;
    private static GreenMail smtp;
    private static TickerdeskProcess server;

    @BeforeAll
    static void start() throws IOException {
        local = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        local.createContext("/hook", exchange -> answer(exchange, webhook, webhookAnswer, "{}"));
        local.createContext(
                "/bot" + TOKEN + "/sendMessage",
                exchange -> answer(exchange, telegram, 200, "{\"ok\":true,\"result\":{}}"));
        local.start();
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String base = "http://127.0.0.1:" + local.getAddress().getPort();
        server =
                new TickerdeskProcess(
                                "notifications",
                                Map.ofEntries(
                                        Map.entry("TICKERDESK_WEBHOOK_URL", base + "/hook"),
                                        Map.entry("TICKERDESK_WEBHOOK_SECRET", SECRET),
                                        Map.entry("TICKERDESK_TELEGRAM_TOKEN", TOKEN),
                                        Map.entry("TICKERDESK_TELEGRAM_CHAT_ID", "-1001234"),
                                        Map.entry("TICKERDESK_TELEGRAM_BASE_URL", base),
                                        Map.entry("TICKERDESK_SMTP_HOST", "127.0.0.1"),
                                        Map.entry(
                                                "TICKERDESK_SMTP_PORT", Integer.toString(smtpPort)),
                                        Map.entry("TICKERDESK_SMTP_FROM", "tickerdesk@localhost"),
                                        Map.entry("TICKERDESK_SMTP_TO", "trader@localhost"),
                                        Map.entry("TICKERDESK_NOTIFICATIONS_RETRY_FIRST_MS", "200"),
                                        Map.entry("TICKERDESK_NOTIFICATIONS_RETRY_MAX_MS", "1000"),
                                        Map.entry("TICKERDESK_NOTIFICATIONS_FAILING_AFTER", "3")))
                        .clean()
                        .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (local != null) {
            local.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, List<Received> into, int status, String body)
            throws IOException {
        String received =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        into.add(new Received(Map.copyOf(exchange.getRequestHeaders()), received, status));
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Test
    @Order(1)
    void theChannelsListSaysEachIsConfiguredWithoutASecret() {
        HttpResponse<String> response = Http.getAsAdmin(api("/channels"));

        assertEquals(200, response.statusCode(), response.body());
        JsonArray channels = (JsonArray) Http.json(response);
        assertEquals(
                List.of("inapp", "webhook", "email", "telegram"),
                channels.getValuesAs(JsonObject.class).stream()
                        .map(c -> c.getString("name"))
                        .toList());
        channels.getValuesAs(JsonObject.class)
                .forEach(c -> assertTrue(c.getBoolean("configured"), c.toString()));
        assertFalse(response.body().contains(SECRET), response.body());
        assertFalse(response.body().contains(TOKEN), response.body());
    }

    @Test
    @Order(1)
    void theDispatcherIsATaskOfTheTasksConsoleEveryFiveSeconds() {
        HttpResponse<String> task =
                Http.getAsAdmin(server.baseUrl() + "/api/v1/tasks/notification-dispatch");

        assertEquals(200, task.statusCode(), task.body());
        JsonObject dispatch = (JsonObject) Http.json(task);
        assertEquals(5, dispatch.getInt("intervalSeconds"));
        assertFalse(dispatch.getBoolean("critical"));
    }

    @Test
    @Order(2)
    void aTestMessageReachesTheWebhookOnceSignedOverItsTimestampAndBody() throws Exception {
        long id = test("webhook");

        await(() -> webhook.size() == 1, "the webhook's request");
        Received request = webhook.get(0);
        String timestamp = request.header("X-Tickerdesk-Timestamp");
        assertEquals(
                "sha256=" + hmacSha256Hex(SECRET, timestamp + "." + request.body()),
                request.header("X-Tickerdesk-Signature"));
        assertTrue(
                Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) < 60,
                "a fresh timestamp: " + timestamp);
        JsonObject body = request.json();
        assertEquals(id, body.getJsonNumber("id").longValue());
        assertEquals("TEST", body.getString("type"));
        assertEquals("webhook", body.getJsonObject("payload").getString("channel"));
        assertFalse(body.getBoolean("silent"));
        JsonObject delivery = awaitDelivery(id, "webhook", "SENT");
        assertEquals(1, delivery.getInt("attempts"));
        Thread.sleep(2_000);
        assertEquals(1, webhook.size(), "delivered once, never again");
    }

    @Test
    @Order(3)
    void aTestMessageReachesTelegramAndASilentOneDisablesItsNotification() throws Exception {
        test("telegram");
        await(() -> telegram.size() == 1, "Telegram's sendMessage");
        JsonObject loud = telegram.get(0).json();
        assertEquals("-1001234", loud.getString("chat_id"));
        assertTrue(loud.getString("text").startsWith("Test message\n"), loud.getString("text"));
        assertFalse(loud.getBoolean("disable_notification"));

        HttpResponse<String> chosen =
                Http.send(
                        HttpRequest.newBuilder(URI.create(api("/preferences")))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .PUT(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"types\":{\"TEST\":{\"telegram\":\"SILENT\"}}}")));
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertEquals(
                "SILENT",
                ((JsonObject) Http.json(chosen))
                        .getJsonObject("types")
                        .getJsonObject("TEST")
                        .getString("telegram"));
        long silent = test("telegram");

        await(() -> telegram.size() == 2, "the silent sendMessage");
        assertTrue(telegram.get(1).json().getBoolean("disable_notification"));
        assertTrue(awaitDelivery(silent, "telegram", "SENT").getBoolean("silent"));
        Thread.sleep(1_000);
        assertEquals(2, telegram.size(), "each delivered once");
    }

    @Test
    @Order(4)
    void aTestMessageIsMailedOnce() throws Exception {
        long id = test("email");

        assertTrue(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1), "a mail within " + PATIENCE);
        awaitDelivery(id, "email", "SENT");
        Thread.sleep(1_000);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals("[Tickerdesk] Test message", mails[0].getSubject());
        assertEquals("trader@localhost", mails[0].getAllRecipients()[0].toString());
        assertEquals(Long.toString(id), mails[0].getHeader("X-Tickerdesk-Notification")[0]);
    }

    @Test
    @Order(5)
    void aFailingWebhookKeepsItsMessagesIsMarkedAndGetsEachOnceWhenItRecovers() throws Exception {
        webhookAnswer = 503;
        int before = webhook.size();
        long first = test("webhook");
        long second = test("webhook");

        await(() -> channel("webhook").getBoolean("failing"), "the webhook marked failing");
        JsonObject failing = channel("webhook");
        assertTrue(failing.getInt("consecutiveFailures") >= 3, failing.toString());
        assertTrue(failing.getString("lastError").contains("503"), failing.toString());
        assertTrue(failing.containsKey("failingSince"), failing.toString());
        JsonObject waiting = delivery(first, "webhook");
        assertEquals("FAILED", waiting.getString("state"));
        assertTrue(waiting.containsKey("nextAttemptAt"), waiting.toString());

        webhookAnswer = 200;
        awaitDelivery(first, "webhook", "SENT");
        awaitDelivery(second, "webhook", "SENT");
        await(() -> !channel("webhook").getBoolean("failing"), "the webhook healthy again");
        Thread.sleep(2_000);
        List<Received> since = webhook.subList(before, webhook.size());
        for (long id : new long[] {first, second}) {
            assertEquals(
                    1,
                    since.stream()
                            .filter(r -> r.answered() == 200)
                            .filter(r -> r.json().getJsonNumber("id").longValue() == id)
                            .count(),
                    "notification " + id + " accepted exactly once");
            assertTrue(
                    since.stream()
                            .anyMatch(
                                    r ->
                                            r.answered() == 503
                                                    && r.json().getJsonNumber("id").longValue()
                                                            == id),
                    "notification " + id + " was refused before");
        }
    }

    @Test
    @Order(6)
    void anUnknownOrBadRequestIsAProblemWithAStableCode() {
        assertEquals(
                "unknown_channel",
                problem(Http.postAsAdmin(api("/channels/pigeon/test"), "")).getString("code"));
        HttpResponse<String> bad =
                Http.send(
                        HttpRequest.newBuilder(URI.create(api("/preferences")))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .PUT(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"types\":{\"EXIT_FILLED\":{\"pigeon\":\"ON\","
                                                        + "\"email\":\"LOUD\"}}}")));
        JsonObject problem = problem(bad);
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_preferences", problem.getString("code"));
        assertEquals(2, problem.getJsonArray("errors").size(), problem.toString());
        assertEquals(401, Http.get(api("")).statusCode(), "private without credentials");
    }

    private static JsonObject problem(HttpResponse<String> response) {
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        return (JsonObject) Http.json(response);
    }

    private static long test(String channel) {
        HttpResponse<String> response = Http.postAsAdmin(api("/channels/" + channel + "/test"), "");
        assertEquals(202, response.statusCode(), response.body());
        return ((JsonObject) Http.json(response)).getJsonNumber("id").longValue();
    }

    private static JsonObject channel(String name) {
        return ((JsonArray) Http.json(Http.getAsAdmin(api("/channels"))))
                .getValuesAs(JsonObject.class).stream()
                        .filter(c -> c.getString("name").equals(name))
                        .findFirst()
                        .orElseThrow();
    }

    private static JsonObject delivery(long id, String channel) {
        JsonArray recent = (JsonArray) Http.json(Http.getAsAdmin(api("?limit=100")));
        return recent.getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getJsonNumber("id").longValue() == id)
                .flatMap(n -> n.getJsonArray("deliveries").getValuesAs(JsonObject.class).stream())
                .filter(d -> d.getString("channel").equals(channel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + channel + " delivery of " + id));
    }

    private static JsonObject awaitDelivery(long id, String channel, String state)
            throws InterruptedException {
        await(
                () -> delivery(id, channel).getString("state").equals(state),
                channel + " delivery of " + id + " " + state);
        return delivery(id, channel);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String api(String path) {
        return server.baseUrl() + "/api/v1/notifications" + path;
    }

    /** Computed here with the JDK's Mac, not with the server's code. */
    private static String hmacSha256Hex(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

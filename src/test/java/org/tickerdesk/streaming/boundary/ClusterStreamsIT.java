package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.it.ClusterOfTwo.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tickerdesk.it.ClusterOfTwo;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Two members on the simulated market: the leader numbers each tick in its term, so a quote is the
 * same message, with the same epoch and offset, on both. A client that leaves one member resumes on
 * the other with {@code since} and gets what it missed, without a gap or a repeat; and after the
 * leader is killed (-9), its clients resume on the survivor: the rest of the old term as the
 * survivor received it, then the new term from its first message. Each resumed client's messages
 * are compared with those of a client that stayed on the survivor all along.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStreamsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static ClusterOfTwo cluster;

    /** Where a client's copy of a stream ends. */
    private record Position(String epoch, long offset) {

        static Position of(JsonObject message) {
            return new Position(
                    message.getString("epoch"), message.getJsonNumber("offset").longValue());
        }

        /** Whether {@code next} is the message right after this one, in this epoch or a new one. */
        boolean isFollowedBy(Position next) {
            return epoch.equals(next.epoch) ? next.offset == offset + 1 : next.offset == 1;
        }
    }

    @BeforeAll
    static void startTwoMembers() throws Exception {
        cluster = ClusterOfTwo.withALeader("streams", Map.of());
    }

    @AfterAll
    static void stopThem() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aClientMovingToTheOtherMemberResumesThereWithoutGapOrRepeat() throws Exception {
        TickerdeskProcess first = cluster.first();
        TickerdeskProcess second = cluster.second();
        try (SocketClient stays = subscribed(second, "MSFT");
                SocketClient leaves = subscribed(first, "MSFT")) {
            List<JsonObject> beforeLeaving = quotes(leaves, "MSFT", 8);
            leaves.close();
            Position left = Position.of(beforeLeaving.get(beforeLeaving.size() - 1));

            List<JsonObject> onSecond = new ArrayList<>();
            collectUntil(
                    stays,
                    "MSFT",
                    onSecond,
                    m ->
                            m.getString("epoch").equals(left.epoch())
                                    && Position.of(m).offset() >= left.offset() + 5);
            int compared = 0;
            for (JsonObject onFirst : beforeLeaving) {
                JsonObject same = at(onSecond, Position.of(onFirst));
                if (same != null) {
                    assertEquals(onFirst, same, "the same tick is the same message on both");
                    compared++;
                }
            }
            assertTrue(compared >= 5, "both members sent " + compared + " of the same messages");

            try (SocketClient back = SocketClient.withToken(second.webSocketUrl())) {
                JsonObject recovery = resume(back, "MSFT", left);
                assertEquals(true, recovery.getBoolean("recovered"), recovery.toString());
                assertEquals(left.epoch(), recovery.getString("epoch"));
                long upTo = recovery.getJsonNumber("offset").longValue();
                assertTrue(upTo >= left.offset() + 5, "missed up to " + upTo);

                List<JsonObject> resumed = new ArrayList<>();
                collectUntil(back, "MSFT", resumed, m -> Position.of(m).offset() >= upTo + 3);
                assertContinues(left, resumed);
                collectUntil(stays, "MSFT", onSecond, m -> Position.of(m).offset() >= upTo + 3);
                assertEquals(after(onSecond, left, resumed.size()), resumed);
                System.out.printf(
                        "resumed on the other member from %s: %s%n", left, positions(resumed));
            }
        }
    }

    @Test
    @Order(2)
    void theKilledLeadersClientsResumeOnTheSurvivorAcrossTheTakeover() throws Exception {
        TickerdeskProcess leader = cluster.leaders().get(0);
        TickerdeskProcess survivor = cluster.otherThan(leader);
        inject(leader, 500.00);
        try (SocketClient stays = subscribed(survivor, "AAPL");
                SocketClient leftEarlier = subscribed(leader, "AAPL");
                SocketClient toTheEnd = subscribed(leader, "AAPL")) {
            inject(leader, 500.01, 500.02, 500.03, 500.04, 500.05);
            Position early = Position.of(quoteAt(leftEarlier, 500.05));
            leftEarlier.close();
            inject(leader, 500.06, 500.07, 500.08, 500.09, 500.10);
            Position end = Position.of(quoteAt(toTheEnd, 500.10));
            List<JsonObject> onSurvivor = new ArrayList<>();
            collectUntil(stays, "AAPL", onSurvivor, m -> at(m, 500.10));
            assertEquals(end, Position.of(onSurvivor.get(onSurvivor.size() - 1)));
            assertEquals(early.epoch(), end.epoch());
            assertEquals(early.offset() + 5, end.offset());

            long kill = System.nanoTime();
            leader.kill();
            await(() -> ClusterOfTwo.leading(survivor), PATIENCE, "the survivor leads");
            System.out.printf(
                    "killed leader replaced after %d ms%n", (System.nanoTime() - kill) / 1_000_000);
            collectUntil(
                    stays,
                    "AAPL",
                    onSurvivor,
                    m -> !m.getString("epoch").equals(end.epoch()) && Position.of(m).offset() >= 3);
            String newEpoch = onSurvivor.get(onSurvivor.size() - 1).getString("epoch");
            assertNotEquals(end.epoch(), newEpoch, "a takeover starts a new epoch");

            for (Position position : List.of(early, end)) {
                try (SocketClient back = SocketClient.withToken(survivor.webSocketUrl())) {
                    JsonObject recovery = resume(back, "AAPL", position);
                    assertEquals(true, recovery.getBoolean("recovered"), recovery.toString());
                    assertEquals(newEpoch, recovery.getString("epoch"));
                    long upTo = recovery.getJsonNumber("offset").longValue();

                    List<JsonObject> resumed = new ArrayList<>();
                    collectUntil(
                            back,
                            "AAPL",
                            resumed,
                            m ->
                                    m.getString("epoch").equals(newEpoch)
                                            && Position.of(m).offset() >= upTo + 1);
                    assertContinues(position, resumed);
                    assertEquals(
                            end.offset() - position.offset(),
                            resumed.stream()
                                    .filter(m -> m.getString("epoch").equals(end.epoch()))
                                    .count(),
                            "the rest of the old term");
                    assertEquals(
                            1,
                            Position.of(resumed.get((int) (end.offset() - position.offset())))
                                    .offset());
                    collectUntil(
                            stays,
                            "AAPL",
                            onSurvivor,
                            m ->
                                    m.getString("epoch").equals(newEpoch)
                                            && Position.of(m).offset() >= upTo + 1);
                    assertEquals(after(onSurvivor, position, resumed.size()), resumed);
                    System.out.printf(
                            "resumed on the survivor from %s: %s%n", position, positions(resumed));
                }
            }
        }
    }

    /** Fails unless each message is the one right after the one before, from {@code from} on. */
    private static void assertContinues(Position from, List<JsonObject> messages) {
        Position previous = from;
        for (JsonObject message : messages) {
            Position next = Position.of(message);
            assertTrue(
                    previous.isFollowedBy(next),
                    previous + " then " + next + " in " + positions(messages));
            previous = next;
        }
    }

    private static String positions(List<JsonObject> messages) {
        return messages.stream()
                .map(m -> m.getString("epoch") + "/" + m.get("offset"))
                .collect(Collectors.joining(" "));
    }

    private static JsonObject at(List<JsonObject> messages, Position position) {
        return messages.stream()
                .filter(m -> Position.of(m).equals(position))
                .findFirst()
                .orElse(null);
    }

    /** The {@code count} messages after the position. */
    private static List<JsonObject> after(List<JsonObject> messages, Position position, int count) {
        int index =
                IntStream.range(0, messages.size())
                        .filter(i -> Position.of(messages.get(i)).equals(position))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                position + " not in " + positions(messages)));
        assertTrue(index + count < messages.size(), "the member that stayed sent too few");
        return messages.subList(index + 1, index + 1 + count);
    }

    private static SocketClient subscribed(TickerdeskProcess member, String symbol)
            throws InterruptedException {
        SocketClient client = SocketClient.withToken(member.webSocketUrl());
        client.send("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:" + symbol + "\"]}");
        client.await(m -> "ack".equals(m.getString("type", "")), PATIENCE);
        return client;
    }

    /** Subscribes with the position as {@code since}; returns the recovery message. */
    private static JsonObject resume(SocketClient client, String symbol, Position position)
            throws InterruptedException {
        client.send(
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:"
                        + symbol
                        + "\"],\"since\":{\"quotes:"
                        + symbol
                        + "\":{\"epoch\":\""
                        + position.epoch()
                        + "\",\"offset\":"
                        + position.offset()
                        + "}}}");
        return client.await(m -> "recovery".equals(m.getString("type", "")), PATIENCE);
    }

    private static boolean isQuoteOf(JsonObject message, String symbol) {
        return "quote".equals(message.getString("type", ""))
                && ("quotes:" + symbol).equals(message.getString("stream", ""));
    }

    private static List<JsonObject> quotes(SocketClient client, String symbol, int count)
            throws InterruptedException {
        List<JsonObject> quotes = new ArrayList<>();
        while (quotes.size() < count) {
            quotes.add(client.await(m -> isQuoteOf(m, symbol), PATIENCE));
        }
        return quotes;
    }

    /** Adds the client's quotes of the symbol to {@code into}, up to the first that matches. */
    private static void collectUntil(
            SocketClient client, String symbol, List<JsonObject> into, Predicate<JsonObject> last)
            throws InterruptedException {
        while (into.isEmpty() || !last.test(into.get(into.size() - 1))) {
            into.add(client.await(m -> isQuoteOf(m, symbol), PATIENCE));
        }
    }

    private static JsonObject quoteAt(SocketClient client, double price)
            throws InterruptedException {
        return client.await(m -> isQuoteOf(m, "AAPL") && at(m, price), PATIENCE);
    }

    /** Whether the quote's last price is this one, as snapped to a cent. */
    private static boolean at(JsonObject quote, double price) {
        return Math.abs(quote.getJsonObject("data").getJsonNumber("last").doubleValue() - price)
                < 0.001;
    }

    /** Ticks of AAPL at these last prices, in order, into the member's simulated market, held. */
    private static void inject(TickerdeskProcess member, double... lasts) {
        String ticks =
                Arrays.stream(lasts)
                        .mapToObj(l -> "{\"symbol\":\"AAPL\",\"last\":" + l + ",\"hold\":true}")
                        .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> injected =
                Http.postAsAdmin(member.baseUrl() + "/api/v1/sim/ticks", ticks);
        assertEquals(200, injected.statusCode(), injected.body());
    }
}

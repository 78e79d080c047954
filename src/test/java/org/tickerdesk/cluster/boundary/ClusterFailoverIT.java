package org.tickerdesk.cluster.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tickerdesk.it.ClusterOfTwo.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.it.ClusterOfTwo;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Two members against one PostgreSQL and one (fake) TWS, both configured to trade at IBKR: one
 * leads and alone holds the TWS session and runs the cluster's tasks; a frozen leader is replaced
 * and steps down when it wakes; a killed one is replaced within 10 s, and the survivor connects to
 * TWS, runs the tasks, and its WebSocket clients keep receiving quotes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static FakeTwsServer tws;
    private static ClusterOfTwo cluster;

    @BeforeAll
    static void startTwoMembersBesideTheFakeTws() throws Exception {
        tws = new FakeTwsServer(187);
        cluster =
                new ClusterOfTwo(
                        "failover",
                        Map.of(
                                "TICKERDESK_TRADING", "ibkr",
                                "TICKERDESK_IBKR_PORT", Integer.toString(tws.port()),
                                "TICKERDESK_IBKR_CLIENT_ID", "9",
                                "TICKERDESK_IBKR_RECONNECT_MAX_SECONDS", "1"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (tws != null) {
            tws.close();
        }
    }

    @Test
    @Order(1)
    void exactlyOneMemberLeadsBothSayWhichAndOnlyItHoldsTheTwsSession() {
        await(() -> cluster.leaders().size() == 1, Duration.ofSeconds(30), "one leader");
        TickerdeskProcess leader = cluster.leaders().get(0);
        String uuid = ClusterOfTwo.view(leader).getJsonObject("leader").getString("uuid");
        for (TickerdeskProcess member : cluster.members()) {
            assertEquals(uuid, ClusterOfTwo.view(member).getJsonObject("leader").getString("uuid"));
            assertEquals(200, Http.get(member.baseUrl() + "/health/ready").statusCode());
        }
        await(() -> tws.sessions.get() == 1, Duration.ofSeconds(30), "the leader's TWS session");
        sleep(3_000);
        assertEquals(1, tws.sessions.get(), "the follower never connected to TWS");
    }

    /** TWS serves one session per client id: the new leader's waits for the old one's to end. */
    @Test
    @Order(2)
    void aFrozenLeaderIsReplacedAndStepsDownWhenItWakes() {
        TickerdeskProcess frozen = cluster.leaders().get(0);
        TickerdeskProcess other = cluster.otherThan(frozen);
        long stopped = System.nanoTime();
        ClusterOfTwo.signal("STOP", frozen);
        try {
            await(
                    () -> ClusterOfTwo.leading(other),
                    Duration.ofSeconds(30),
                    "the other member leads");
            System.out.printf("frozen leader replaced after %d ms%n", millisSince(stopped));
        } finally {
            ClusterOfTwo.signal("CONT", frozen);
        }
        long woken = System.nanoTime();
        await(
                () -> !ClusterOfTwo.leading(frozen),
                Duration.ofSeconds(30),
                "the woken member steps down");
        System.out.printf("woken leader stepped down after %d ms%n", millisSince(woken));
        await(
                () -> cluster.leaders().equals(List.of(other)),
                Duration.ofSeconds(10),
                "one leader again");
        await(() -> tws.sessions.get() == 2, Duration.ofSeconds(30), "the new leader's session");
        sleep(2_000);
        assertEquals(2, tws.sessions.get(), "the woken member did not connect again");
    }

    @Test
    @Order(3)
    void aKilledLeaderIsReplacedWithinTenSecondsAndTheSurvivorCarriesOn() throws Exception {
        TickerdeskProcess killed = cluster.leaders().get(0);
        TickerdeskProcess survivor = cluster.otherThan(killed);
        try (SocketClient client = new SocketClient(survivor.webSocketUrl())) {
            client.send("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:*\"]}");
            client.await(ClusterFailoverIT::isQuote, Duration.ofSeconds(10));
            int sessions = tws.sessions.get();
            Instant killedAt = Instant.now();
            long kill = System.nanoTime();
            killed.kill();

            await(
                    () -> ClusterOfTwo.leading(survivor),
                    Duration.ofSeconds(10),
                    "the survivor leads");
            System.out.printf("killed leader replaced after %d ms%n", millisSince(kill));
            await(
                    () -> tws.sessions.get() == sessions + 1,
                    Duration.ofSeconds(20),
                    "the survivor's TWS session");
            client.drain("quote");
            client.await(ClusterFailoverIT::isQuote, Duration.ofSeconds(10));
            await(
                    () -> ranSince(survivor, "exit-sweep", killedAt),
                    Duration.ofSeconds(30),
                    "the exit sweep ran on the survivor");
        }
    }

    private static boolean isQuote(JsonObject message) {
        return "quote".equals(message.getString("type", ""));
    }

    private static boolean ranSince(TickerdeskProcess member, String task, Instant since) {
        var answer =
                Http.send(
                        HttpRequest.newBuilder(
                                        URI.create(member.baseUrl() + "/api/v1/tasks/" + task))
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN));
        JsonObject lastRun = ((JsonObject) Http.json(answer)).getJsonObject("lastRun");
        return lastRun != null && Instant.parse(lastRun.getString("startedAt")).isAfter(since);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

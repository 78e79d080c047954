package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tickerdesk.it.ClusterOfTwo;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.ListeningSockets;
import org.tickerdesk.it.ListeningSockets.Listener;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * {@code TICKERDESK_CLUSTER=true} as an operator meets it: two members on one machine, each with
 * its own HTTP port, one PostgreSQL that this test starts for them, and a member list of two
 * loopback ports. They form one data grid, nothing of theirs listens beyond loopback, a member that
 * falls silent is dropped within seconds and taken back soon after it wakes; the embedded
 * PostgreSQL and a wrong member list stop the start with one clear line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLaunchIT {

    /** What Hazelcast logs whenever the members change: "Members {size:2, ver:2} [...]". */
    private static final String TWO_MEMBERS = "Members {size:2,";

    private static final String ONE_MEMBER = "Members {size:1,";

    private static ClusterOfTwo cluster;
    private static int gridPort;
    private static TickerdeskProcess first;
    private static TickerdeskProcess second;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        cluster = new ClusterOfTwo("cluster", Map.of());
        gridPort = cluster.gridPort();
        first = cluster.first();
        second = cluster.second();
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theEmbeddedDatabaseIsRefusedInACluster() {
        TickerdeskProcess alone =
                new TickerdeskProcess("cluster-embedded", Map.of("TICKERDESK_CLUSTER", "true"))
                        .clean();
        assertFailsWith(
                alone,
                "TICKERDESK_CLUSTER=true needs one external PostgreSQL that every member shares");
        assertTrue(alone.output().contains("set TICKERDESK_DB_URL"), alone.output());
        assertFalse(
                Files.exists(alone.dataDir().resolve("postgres")),
                "no embedded PostgreSQL was started");
        TickerdeskProcess.deleteRecursively(alone.dataDir());
    }

    @Test
    @Order(1)
    void aWrongMemberIsNamed() {
        TickerdeskProcess typo =
                new TickerdeskProcess(
                                "cluster-typo",
                                Map.of(
                                        "TICKERDESK_CLUSTER",
                                        "true",
                                        "TICKERDESK_CLUSTER_MEMBERS",
                                        "127.0.0.1:6900,127.0.0.1;6901"))
                        .clean();
        assertFailsWith(typo, "but '127.0.0.1;6901' is not one");
        TickerdeskProcess.deleteRecursively(typo.dataDir());
    }

    @Test
    @Order(2)
    void theTwoMembersFormOneClusterAndBothServe() {
        ClusterOfTwo.awaitInLog(first, 0, TWO_MEMBERS, Duration.ofSeconds(30));
        ClusterOfTwo.awaitInLog(second, 0, TWO_MEMBERS, Duration.ofSeconds(30));
        // Hazelcast tags its lines with the cluster's name, which other clusters' members lack
        ClusterOfTwo.awaitInLog(first, 0, " [tickerdesk] [", Duration.ofSeconds(1));
        for (TickerdeskProcess member : List.of(first, second)) {
            assertTrue(
                    member.output()
                            .contains(
                                    "Cluster:    127.0.0.1:"
                                            + gridPort
                                            + ", 127.0.0.1:"
                                            + (gridPort + 1)
                                            + "  (data grid on loopback only)"),
                    "the banner names the members: " + member.output());
            assertEquals(
                    200,
                    Http.get(member.baseUrl() + "/health/ready").statusCode(),
                    member.baseUrl() + " is ready");
        }
    }

    @Test
    @Order(3)
    void nothingListensBeyondLoopbackAndNothingDiscoversByMulticast() {
        for (TickerdeskProcess member : List.of(first, second)) {
            List<Listener> tcp = ListeningSockets.of(member.pid());
            assertTrue(
                    tcp.stream().anyMatch(l -> l.port() == member.port()), "HTTP listens: " + tcp);
            assertTrue(
                    tcp.stream().anyMatch(l -> l.port() == gridPort || l.port() == gridPort + 1),
                    "the data grid listens on a listed port: " + tcp);
            assertEquals(
                    List.of(),
                    tcp.stream().filter(l -> !l.onLoopback()).toList(),
                    "nothing beyond loopback (all: " + tcp + ")");
            List<Listener> udp = ListeningSockets.udp(member.pid());
            assertEquals(
                    List.of(),
                    udp.stream().filter(l -> l.port() == 2904 || !l.onLoopback()).toList(),
                    "no multicast discovery, nor any other UDP socket beyond loopback (all: "
                            + udp
                            + ")");
        }
    }

    /**
     * Hazelcast's defaults would take 60 s to drop the frozen member, and 120 s between attempts to
     * merge the two halves again.
     */
    @Test
    @Order(4)
    void aFrozenMemberIsDroppedWithinSecondsAndTakenBackSoonAfterItWakes() {
        int before = ClusterOfTwo.log(first).length();
        long frozen = System.nanoTime();
        ClusterOfTwo.signal("STOP", second);
        Duration dropped;
        try {
            ClusterOfTwo.awaitInLog(first, before, ONE_MEMBER, Duration.ofSeconds(45));
            dropped = Duration.ofNanos(System.nanoTime() - frozen);
        } finally {
            ClusterOfTwo.signal("CONT", second);
        }
        long woken = System.nanoTime();
        assertTrue(
                dropped.compareTo(Duration.ofSeconds(15)) < 0,
                "dropped after " + dropped.toMillis() + " ms");
        int resumed = ClusterOfTwo.log(first).length();
        ClusterOfTwo.awaitInLog(first, resumed, TWO_MEMBERS, Duration.ofSeconds(60));
        System.out.printf(
                "frozen member dropped after %d ms, taken back %d ms after it woke%n",
                dropped.toMillis(), Duration.ofNanos(System.nanoTime() - woken).toMillis());
    }

    private static void assertFailsWith(TickerdeskProcess tickerdesk, String message) {
        int exit = tickerdesk.runToExit(Duration.ofSeconds(60));
        String output = tickerdesk.output();
        assertEquals(1, exit, output);
        assertTrue(output.contains("Tickerdesk cannot start: "), output);
        assertTrue(output.contains(message), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }
}

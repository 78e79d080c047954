package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

    private static EmbeddedPostgres postgres;
    private static int gridPort;
    private static TickerdeskProcess first;
    private static TickerdeskProcess second;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        postgres =
                EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "localhost")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
        try (Connection db = postgres.getPostgresDatabase().getConnection();
                Statement create = db.createStatement()) {
            create.execute("CREATE DATABASE tickerdesk");
        }
        gridPort = twoFreePortsInARow();
        first = member("cluster-a").clean();
        second = member("cluster-b").clean();
        // one after the other: the first start creates the schema and the admin user
        first.start();
        second.start();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        for (TickerdeskProcess member : new TickerdeskProcess[] {first, second}) {
            if (member != null) {
                signal("CONT", member);
                member.stop();
                TickerdeskProcess.deleteRecursively(member.dataDir());
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static TickerdeskProcess member(String name) {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/tickerdesk";
        return new TickerdeskProcess(
                name,
                Map.of(
                        "TICKERDESK_CLUSTER",
                        "true",
                        "TICKERDESK_CLUSTER_MEMBERS",
                        "127.0.0.1:" + gridPort + ",127.0.0.1:" + (gridPort + 1),
                        "TICKERDESK_DB_URL",
                        url,
                        "TICKERDESK_DB_USER",
                        "postgres",
                        "TICKERDESK_DB_PASSWORD",
                        "unused-with-trust"));
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
        awaitInLog(first, 0, TWO_MEMBERS, Duration.ofSeconds(30));
        awaitInLog(second, 0, TWO_MEMBERS, Duration.ofSeconds(30));
        // Hazelcast tags its lines with the cluster's name, which other clusters' members lack
        awaitInLog(first, 0, " [tickerdesk] [", Duration.ofSeconds(1));
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
        int before = log(first).length();
        long frozen = System.nanoTime();
        signal("STOP", second);
        Duration dropped;
        try {
            awaitInLog(first, before, ONE_MEMBER, Duration.ofSeconds(45));
            dropped = Duration.ofNanos(System.nanoTime() - frozen);
        } finally {
            signal("CONT", second);
        }
        long woken = System.nanoTime();
        assertTrue(
                dropped.compareTo(Duration.ofSeconds(15)) < 0,
                "dropped after " + dropped.toMillis() + " ms");
        int resumed = log(first).length();
        awaitInLog(first, resumed, TWO_MEMBERS, Duration.ofSeconds(60));
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

    /** Waits for the text to appear in the member's server log after its first {@code from}. */
    private static void awaitInLog(
            TickerdeskProcess member, int from, String text, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String log = log(member);
            if (log.length() > from && log.substring(from).contains(text)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "'"
                                + text
                                + "' not in "
                                + member.serverLog()
                                + " after "
                                + patience.toSeconds()
                                + " s; its members lines: "
                                + log.lines().filter(l -> l.contains("Members {")).toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String log(TickerdeskProcess member) {
        try {
            return Files.exists(member.serverLog()) ? Files.readString(member.serverLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -STOP or -CONT to one of this test's own servers, by its process id. */
    private static void signal(String signal, TickerdeskProcess member) {
        try {
            if (!member.running()) {
                return;
            }
            Process kill =
                    new ProcessBuilder("kill", "-" + signal, Long.toString(member.pid()))
                            .inheritIO()
                            .start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, signal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Two free ports next to each other on loopback, the two members' data grid ports. */
    private static int twoFreePortsInARow() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket low = new ServerSocket(0, 1, loopback);
                    ServerSocket high = new ServerSocket()) {
                int port = low.getLocalPort();
                if (port >= 65535) {
                    continue;
                }
                high.bind(new InetSocketAddress(loopback, port + 1));
                return port;
            } catch (IOException taken) {
                // the next port is in use: try another pair
            }
        }
        throw new IOException("no two free ports in a row on loopback");
    }
}

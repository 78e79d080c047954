package org.tickerdesk.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Two Tickerdesk members on this machine as an operator runs them: {@code TICKERDESK_CLUSTER=true},
 * a member list of two free loopback ports, and one PostgreSQL that this fixture starts for both.
 * The first member starts first (it creates the schema). Closing stops both by their process ids
 * (waking a frozen one first) and the PostgreSQL; the members' data folders, with their server
 * logs, stay under the build's folder until the next run starts them clean.
 */
public final class ClusterOfTwo implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int gridPort;
    private final TickerdeskProcess first;
    private final TickerdeskProcess second;

    /** Starts the database and both members, each with {@code environment} added to its own. */
    public ClusterOfTwo(String name, Map<String, String> environment) throws Exception {
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
        first = member(name + "-a", environment).clean();
        second = member(name + "-b", environment).clean();
        try {
            first.start();
            second.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public TickerdeskProcess first() {
        return first;
    }

    public TickerdeskProcess second() {
        return second;
    }

    public List<TickerdeskProcess> members() {
        return List.of(first, second);
    }

    /** The lower of the two data grid ports; the other is the next one. */
    public int gridPort() {
        return gridPort;
    }

    @Override
    public void close() {
        for (TickerdeskProcess member : members()) {
            signal("CONT", member);
            member.stop();
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TickerdeskProcess member(String name, Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(environment);
        settings.putAll(
                Map.of(
                        "TICKERDESK_CLUSTER",
                        "true",
                        "TICKERDESK_CLUSTER_MEMBERS",
                        "127.0.0.1:" + gridPort + ",127.0.0.1:" + (gridPort + 1),
                        "TICKERDESK_DB_URL",
                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/tickerdesk",
                        "TICKERDESK_DB_USER",
                        "postgres",
                        "TICKERDESK_DB_PASSWORD",
                        "unused-with-trust"));
        return new TickerdeskProcess(name, settings);
    }

    /** The running members that say they lead: one, but two while a frozen one wakes. */
    public List<TickerdeskProcess> leaders() {
        return members().stream()
                .filter(TickerdeskProcess::running)
                .filter(ClusterOfTwo::leading)
                .toList();
    }

    public TickerdeskProcess otherThan(TickerdeskProcess member) {
        return members().stream().filter(m -> m != member).findFirst().orElseThrow();
    }

    /** Whether the member says it leads; false while it does not answer. */
    public static boolean leading(TickerdeskProcess member) {
        JsonObject view = view(member);
        return view != null && view.getBoolean("leading", false);
    }

    /** The member's {@code GET /api/v1/cluster}; null while it does not answer (frozen). */
    public static JsonObject view(TickerdeskProcess member) {
        try {
            HttpResponse<String> answer =
                    Http.send(
                            HttpRequest.newBuilder(URI.create(member.baseUrl() + "/api/v1/cluster"))
                                    .timeout(Duration.ofSeconds(2))
                                    .header(
                                            "Authorization",
                                            "Bearer " + TickerdeskProcess.API_TOKEN));
            return answer.statusCode() == 200 ? Http.json(answer).asJsonObject() : null;
        } catch (RuntimeException notAnswering) {
            return null;
        }
    }

    /** Waits for the text to appear in the member's server log after its first {@code from}. */
    public static void awaitInLog(
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
            sleep(100);
        }
    }

    public static String log(TickerdeskProcess member) {
        try {
            return Files.exists(member.serverLog()) ? Files.readString(member.serverLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -STOP or -CONT to one of the members, by its process id. */
    public static void signal(String signal, TickerdeskProcess member) {
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

    /**
     * Two members started, once one of them leads (within a minute); a cluster in which none does
     * is stopped again.
     */
    public static ClusterOfTwo withALeader(String name, Map<String, String> environment)
            throws Exception {
        ClusterOfTwo cluster = new ClusterOfTwo(name, environment);
        try {
            await(() -> cluster.leaders().size() == 1, Duration.ofSeconds(60), "one leader");
        } catch (AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Asks {@code condition} every 100 ms; fails, naming {@code what}, after {@code patience}. */
    public static void await(BooleanSupplier condition, Duration patience, String what) {
        await(condition, patience, () -> what);
    }

    /** As {@link #await(BooleanSupplier, Duration, String)}, saying what was seen last. */
    public static void await(BooleanSupplier condition, Duration patience, Supplier<String> what) {
        if (!within(condition, patience)) {
            throw new AssertionError("waited " + patience + " for " + what.get());
        }
    }

    /** Asks {@code condition} every 100 ms for at most {@code patience}; whether it held. */
    public static boolean within(BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
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

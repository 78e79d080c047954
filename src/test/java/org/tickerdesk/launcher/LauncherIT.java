package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * {@code java -jar target/tickerdesk.jar} as a user meets it: wrong settings stop it with one clear
 * line, a first start shows the generated admin password once, a {@code kill -9} is recovered from
 * on the next start with the data intact, and an external PostgreSQL replaces the embedded one.
 */
class LauncherIT {

    @Test
    void aPortInUseStopsTheStartWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            TickerdeskProcess tickerdesk =
                    new TickerdeskProcess(
                                    "port-in-use",
                                    Map.of(
                                            "TICKERDESK_HTTP_PORT",
                                            Integer.toString(taken.getLocalPort())))
                            .clean();
            assertFailsWith(tickerdesk, "Port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void anUnreachableExternalDatabaseStopsTheStart() {
        assertFailsWith(
                new TickerdeskProcess(
                                "no-db",
                                Map.of(
                                        "TICKERDESK_DB_URL",
                                        "jdbc:postgresql://127.0.0.1:1/nowhere"))
                        .clean(),
                "Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nowhere");
        assertFailsWith(
                new TickerdeskProcess("not-pg", Map.of("TICKERDESK_DB_URL", "mysql://localhost/x"))
                        .clean(),
                "TICKERDESK_DB_URL must be a PostgreSQL JDBC URL");
    }

    @Test
    void badSettingsAreNamed() {
        assertFailsWith(
                new TickerdeskProcess("bad-rate", Map.of("TICKERDESK_SIM_TICKS_PER_SECOND", "fast"))
                        .clean(),
                "TICKERDESK_SIM_TICKS_PER_SECOND must be a number, not 'fast'");
        assertFailsWith(
                new TickerdeskProcess("bad-port", Map.of("TICKERDESK_HTTP_PORT", "eighty")).clean(),
                "TICKERDESK_HTTP_PORT must be a port number from 1 to 65535, not 'eighty'");
        assertFailsWith(
                new TickerdeskProcess("bad-source", Map.of("TICKERDESK_SOURCE", "bloomberg"))
                        .clean(),
                "TICKERDESK_SOURCE must be one of simulated, ibkr");
        assertFailsWith(
                new TickerdeskProcess("bad-host", Map.of("TICKERDESK_HTTP_HOST", "203.0.113.7"))
                        .clean(),
                "TICKERDESK_HTTP_HOST 203.0.113.7 is not an address of this machine");
        assertFailsWith(
                new TickerdeskProcess("bad-lockout", Map.of("TICKERDESK_LOGIN_MAX_FAILURES", "0"))
                        .clean(),
                "TICKERDESK_LOGIN_MAX_FAILURES must be a whole number from 1 to 1000, not '0'");
    }

    @Test
    void dataFromAnotherPostgresMajorVersionIsRefusedAtOnce() throws IOException {
        TickerdeskProcess tickerdesk = new TickerdeskProcess("pg16-data", Map.of()).clean();
        Path pgData = tickerdesk.dataDir().resolve("postgres");
        Files.createDirectories(pgData);
        Files.writeString(pgData.resolve("PG_VERSION"), "16\n");
        Files.writeString(pgData.resolve("postgresql.conf"), "");
        long started = System.nanoTime();
        assertFailsWith(
                tickerdesk,
                "was written by PostgreSQL 16, but this Tickerdesk embeds PostgreSQL 17");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "no long wait");
    }

    @Test
    void aKilledServerIsRecoveredOnTheNextStartWithItsData() throws Exception {
        TickerdeskProcess tickerdesk =
                new TickerdeskProcess("restart", Map.of("TICKERDESK_ADMIN_PASSWORD", "")).clean();
        try (tickerdesk) {
            tickerdesk.start();
            assertTrue(
                    tickerdesk.output().contains("Password:"),
                    "the first start shows the generated password");
            assertEquals(
                    201,
                    Http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            tickerdesk.baseUrl()
                                                                    + "/api/v1/instruments"))
                                            .header(
                                                    "Authorization",
                                                    "Bearer " + TickerdeskProcess.API_TOKEN)
                                            .header("Content-Type", "application/json")
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofString(
                                                            "{\"symbol\":\"KILL9\"}")))
                            .statusCode());

            tickerdesk.kill();
            ProcessHandle orphan = postmaster(tickerdesk).orElseThrow();
            assertTrue(orphan.isAlive(), "kill -9 leaves PostgreSQL running");

            int before = tickerdesk.output().length();
            tickerdesk.start();
            String secondStart = tickerdesk.output().substring(before);
            assertFalse(
                    secondStart.contains("Password:"),
                    "the password is shown on the first start only");
            assertTrue(secondStart.contains("left running by an earlier start"), secondStart);
            assertFalse(orphan.isAlive(), "the orphaned postmaster was stopped");
            assertEquals(
                    200,
                    Http.get(tickerdesk.baseUrl() + "/api/v1/instruments/KILL9").statusCode(),
                    "data intact");

            try (Connection db = connect(tickerdesk)) {
                assertEquals("on", show(db, "fsync"));
                assertEquals("on", show(db, "synchronous_commit"));
                assertEquals("on", show(db, "full_page_writes"));
                externalDatabaseIsUsedInsteadOfAnEmbeddedOne(tickerdesk);
            }

            ProcessHandle postmaster = postmaster(tickerdesk).orElseThrow();
            tickerdesk.stop();
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(postmaster.isAlive(), "SIGTERM shuts PostgreSQL down");
            assertFalse(
                    Files.exists(tickerdesk.dataDir().resolve("postgres/postmaster.pid")),
                    "cleanly");
        }
    }

    private static void externalDatabaseIsUsedInsteadOfAnEmbeddedOne(TickerdeskProcess owner)
            throws IOException {
        String url = "jdbc:postgresql://localhost:" + postgresPort(owner) + "/tickerdesk";
        try (TickerdeskProcess external =
                new TickerdeskProcess(
                                "external-db",
                                Map.of(
                                        "TICKERDESK_DB_URL",
                                        url,
                                        "TICKERDESK_DB_USER",
                                        "postgres",
                                        "TICKERDESK_DB_PASSWORD",
                                        "unused-with-trust"))
                        .clean()) {
            external.start();
            assertEquals(
                    200,
                    Http.get(external.baseUrl() + "/api/v1/instruments/KILL9").statusCode(),
                    "it sees the data of the database it was pointed at");
            assertFalse(
                    Files.exists(external.dataDir().resolve("postgres")),
                    "no embedded PostgreSQL was started");
        }
    }

    private static void assertFailsWith(TickerdeskProcess tickerdesk, String message) {
        int exit = tickerdesk.runToExit(Duration.ofSeconds(60));
        String output = tickerdesk.output();
        assertEquals(1, exit, output);
        assertTrue(output.contains("Tickerdesk cannot start: "), output);
        assertTrue(output.contains(message), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    private static Optional<ProcessHandle> postmaster(TickerdeskProcess tickerdesk)
            throws IOException {
        List<String> pid =
                Files.readAllLines(tickerdesk.dataDir().resolve("postgres/postmaster.pid"));
        return ProcessHandle.of(Long.parseLong(pid.get(0).trim()));
    }

    private static int postgresPort(TickerdeskProcess tickerdesk) throws IOException {
        return Integer.parseInt(
                Files.readAllLines(tickerdesk.dataDir().resolve("postgres/postmaster.pid"))
                        .get(3)
                        .trim());
    }

    private static Connection connect(TickerdeskProcess tickerdesk)
            throws IOException, SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort(tickerdesk) + "/tickerdesk",
                "postgres",
                "");
    }

    private static String show(Connection db, String setting) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

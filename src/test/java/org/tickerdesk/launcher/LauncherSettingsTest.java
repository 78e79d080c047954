package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tickerdesk.launcher.LauncherSettings.ClusterMember;

class LauncherSettingsTest {

    private static LauncherSettings read(
            Map<String, String> properties, Map<String, String> environment) {
        return LauncherSettings.read(properties::get, environment::get);
    }

    @Test
    void defaultsServeAFirstStart() {
        LauncherSettings settings = read(Map.of(), Map.of());
        assertEquals(8080, settings.httpPort());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertTrue(settings.externalDatabase().isEmpty(), "the embedded database by default");
        assertFalse(settings.cluster());
        assertEquals("127.0.0.1", settings.httpHost(), "this machine only, unless told otherwise");
    }

    @Test
    void theHttpHostIsAnAddressLiteral() {
        assertEquals(
                "0.0.0.0", read(Map.of(), Map.of("TICKERDESK_HTTP_HOST", "0.0.0.0")).httpHost());
        assertEquals(
                "192.168.1.20",
                read(Map.of("tickerdesk.http.host", "192.168.1.20"), Map.of()).httpHost());
        assertEquals("::1", read(Map.of(), Map.of("TICKERDESK_HTTP_HOST", "[::1]")).httpHost());
        assertMessage(
                Map.of("TICKERDESK_HTTP_HOST", "example.com"),
                "TICKERDESK_HTTP_HOST must be an IP address of this machine");
        assertMessage(
                Map.of("TICKERDESK_HTTP_HOST", "256.1.1.1"),
                "TICKERDESK_HTTP_HOST must be an IP address of this machine");
    }

    @Test
    void theServerIsReachedByNameOnLoopbackAndByItsAddressElsewhere() {
        assertEquals("localhost", read(Map.of(), Map.of()).localHost());
        assertEquals(
                "localhost", read(Map.of(), Map.of("TICKERDESK_HTTP_HOST", "0.0.0.0")).localHost());
        assertEquals(
                "10.0.0.5", read(Map.of(), Map.of("TICKERDESK_HTTP_HOST", "10.0.0.5")).localHost());
        assertEquals(
                "[fd00::5]", read(Map.of(), Map.of("TICKERDESK_HTTP_HOST", "fd00::5")).localHost());
    }

    @Test
    void everySettingInTheReadmeIsChecked() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row =
                Pattern.compile(
                                "^\\| `[A-Z0-9_]+` \\| `(tickerdesk\\.[a-z0-9.-]+)` \\|",
                                Pattern.MULTILINE)
                        .matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertTrue(documented.size() >= 26, "the configuration table was found: " + documented);
        Set<String> asked = new TreeSet<>();
        LauncherSettings.read(
                key -> {
                    asked.add(key);
                    return key.equals("tickerdesk.db.url") ? "jdbc:postgresql://db/td" : null;
                },
                variable -> null);
        documented.removeAll(asked);
        assertEquals(Set.of(), documented, "documented settings the launcher never looks at");
    }

    @Test
    void operationsSettingsAreCheckedBeforeAnythingStarts() {
        assertMessage(
                Map.of("TICKERDESK_RESOLUTION_INTERVAL", "PT5S"),
                "TICKERDESK_RESOLUTION_INTERVAL must be an ISO-8601 duration of at least 10 s such"
                        + " as PT1H, not 'PT5S'");
        assertMessage(
                Map.of("TICKERDESK_RESOLUTION_SOURCE", "oracle"),
                "TICKERDESK_RESOLUTION_SOURCE must be one of simulated, ibkr, manual, not"
                        + " 'oracle'");
        assertMessage(
                Map.of("TICKERDESK_WEBHOOK_URL", "ftp://hooks.example.org"),
                "TICKERDESK_WEBHOOK_URL must be an http or https address such as"
                        + " https://example.org/tickerdesk-hook, not 'ftp://hooks.example.org'");
        assertMessage(
                Map.of("TICKERDESK_SMTP_STARTTLS", "sometimes"),
                "TICKERDESK_SMTP_STARTTLS must be true or false, not 'sometimes'");
        assertEquals(
                8080,
                read(
                                Map.of(),
                                Map.of(
                                        "TICKERDESK_RESOLUTION_INTERVAL",
                                        "PT30M",
                                        "TICKERDESK_WEBHOOK_URL",
                                        "http://127.0.0.1:9000/hook"))
                        .httpPort());
    }

    @Test
    void protectionsAreStrictlyTrueOrFalse() {
        assertTrue(
                read(
                                Map.of(),
                                Map.of(
                                        "TICKERDESK_CLUSTER",
                                        "TRUE",
                                        "TICKERDESK_DB_URL",
                                        "jdbc:postgresql://db:5432/td"))
                        .cluster());
        assertFalse(read(Map.of(), Map.of("TICKERDESK_CLUSTER", "false")).cluster());
        assertMessage(
                Map.of("TICKERDESK_API_READ_REQUIRES_TOKEN", "yes please"),
                "TICKERDESK_API_READ_REQUIRES_TOKEN must be true or false, not 'yes please'");
        assertMessage(
                Map.of("TICKERDESK_CLUSTER", "ture"),
                "TICKERDESK_CLUSTER must be true or false, not 'ture'");
    }

    @Test
    void aClusterLooksForThreeMembersOnThisMachineUnlessTold() {
        LauncherSettings settings = read(Map.of(), Map.of());
        assertEquals(
                List.of(
                        new ClusterMember("127.0.0.1", 6900),
                        new ClusterMember("127.0.0.1", 6901),
                        new ClusterMember("127.0.0.1", 6902)),
                settings.clusterMembers());
        assertTrue(settings.clusterOnLoopback());
    }

    @Test
    void clusterMembersAreHostsOrAddressesWithPorts() {
        LauncherSettings settings =
                read(
                        Map.of(
                                "tickerdesk.cluster.members",
                                " 10.0.0.5:5900 , td-2.example.com:5901"),
                        Map.of());
        assertEquals(
                List.of(
                        new ClusterMember("10.0.0.5", 5900),
                        new ClusterMember("td-2.example.com", 5901)),
                settings.clusterMembers());
        assertFalse(settings.clusterOnLoopback());
        assertEquals("td-2.example.com:5901", settings.clusterMembers().get(1).toString());
        assertTrue(
                read(Map.of(), Map.of("TICKERDESK_CLUSTER_MEMBERS", "localhost:6900,127.0.0.2:1"))
                        .clusterOnLoopback(),
                "localhost and all of 127/8 are this machine");
    }

    @Test
    void aWrongClusterMemberIsNamed() {
        for (String[] listAndEntry :
                new String[][] {
                    {"127.0.0.1", "127.0.0.1"},
                    {"127.0.0.1:", "127.0.0.1:"},
                    {"127.0.0.1:6900,", ""},
                    {"127.0.0.1:6900,,127.0.0.1:6901", ""},
                    {"127.0.0.1:0", "127.0.0.1:0"},
                    {"127.0.0.1:65536", "127.0.0.1:65536"},
                    {"127.0.0.1:69x0", "127.0.0.1:69x0"},
                    {"256.0.0.1:6900", "256.0.0.1:6900"},
                    {"[::1]:6900", "[::1]:6900"},
                    {"td 2:6900", "td 2:6900"},
                    {"tcpip:127.0.0.1:6900", "tcpip:127.0.0.1:6900"},
                    {"127.0.0.1:6900;127.0.0.1:6901", "127.0.0.1:6900;127.0.0.1:6901"}
                }) {
            assertMessage(
                    Map.of("TICKERDESK_CLUSTER_MEMBERS", listAndEntry[0]),
                    "TICKERDESK_CLUSTER_MEMBERS must be comma-separated host:port entries such as"
                            + " 127.0.0.1:6900,127.0.0.1:6901 (an IPv4 address or host name, a"
                            + " port from 1 to 65535), but '"
                            + listAndEntry[1]
                            + "' is not one (in '"
                            + listAndEntry[0]
                            + "')");
        }
        assertMessage(
                Map.of("TICKERDESK_CLUSTER_MEMBERS", "127.0.0.1:6900, 127.0.0.1:6900"),
                "TICKERDESK_CLUSTER_MEMBERS names 127.0.0.1:6900 twice");
    }

    @Test
    void aClusterNeedsTheExternalDatabaseAllItsMembersShare() {
        assertMessage(
                Map.of("TICKERDESK_CLUSTER", "true"),
                "TICKERDESK_CLUSTER=true needs one external PostgreSQL that every member shares,"
                        + " and the embedded one serves a single instance: set TICKERDESK_DB_URL"
                        + " (with TICKERDESK_DB_USER and TICKERDESK_DB_PASSWORD) on every member");
        assertTrue(
                read(
                                Map.of(),
                                Map.of(
                                        "TICKERDESK_CLUSTER",
                                        "true",
                                        "TICKERDESK_DB_URL",
                                        "jdbc:postgresql://db:5432/td"))
                        .cluster());
    }

    @Test
    void environmentVariablesAreSpelledInCapitalsAndSystemPropertiesWin() {
        LauncherSettings settings =
                read(
                        Map.of("tickerdesk.http.port", "9090"),
                        Map.of("TICKERDESK_HTTP_PORT", "7070", "TICKERDESK_DATA_DIR", "/srv/td"));
        assertEquals(9090, settings.httpPort());
        assertEquals(Path.of("/srv/td"), settings.dataDir());
    }

    @Test
    void anExternalDatabaseIsConfiguredByItsUrl() {
        LauncherSettings settings =
                read(
                        Map.of(),
                        Map.of(
                                "TICKERDESK_DB_URL",
                                "jdbc:postgresql://db:5432/td",
                                "TICKERDESK_DB_USER",
                                "td",
                                "TICKERDESK_DB_PASSWORD",
                                "secret"));
        LauncherSettings.ExternalDatabase db = settings.externalDatabase().orElseThrow();
        assertEquals("jdbc:postgresql://db:5432/td", db.url());
        assertEquals("td", db.user());
        assertEquals("secret", db.password());
    }

    @Test
    void wrongValuesAreRefusedWithTheVariableName() {
        assertMessage(
                Map.of("TICKERDESK_HTTP_PORT", "70000"),
                "TICKERDESK_HTTP_PORT must be a port number");
        assertMessage(
                Map.of("TICKERDESK_DB_URL", "postgres://db/td"),
                "TICKERDESK_DB_URL must be a PostgreSQL JDBC URL");
        assertMessage(
                Map.of("TICKERDESK_SOURCE", "bloomberg"),
                "TICKERDESK_SOURCE must be one of simulated, ibkr");
        assertMessage(
                Map.of("TICKERDESK_TRADING", "live"),
                "TICKERDESK_TRADING must be one of paper, ibkr");
        assertMessage(
                Map.of("TICKERDESK_PAPER_SLIPPAGE_TICKS", "-1"),
                "TICKERDESK_PAPER_SLIPPAGE_TICKS must be a whole number from 0 to 1000");
        assertMessage(
                Map.of("TICKERDESK_IBKR_PORT", "port"),
                "TICKERDESK_IBKR_PORT must be a port number");
        assertMessage(
                Map.of("TICKERDESK_IBKR_HOST", "tcp://tws"),
                "TICKERDESK_IBKR_HOST must be a host name");
        assertMessage(
                Map.of("TICKERDESK_IBKR_CLIENT_ID", "-1"),
                "TICKERDESK_IBKR_CLIENT_ID must be a whole number");
        assertMessage(
                Map.of("TICKERDESK_IBKR_MAX_LINES", "0"),
                "TICKERDESK_IBKR_MAX_LINES must be a whole number");
        assertMessage(
                Map.of("TICKERDESK_IBKR_MARKET_DATA_TYPE", "realtime"),
                "TICKERDESK_IBKR_MARKET_DATA_TYPE must be one of live, frozen, delayed,"
                        + " delayed-frozen");
        assertMessage(
                Map.of("TICKERDESK_HISTORY_FETCH_TIMEOUT_SECONDS", "0"),
                "TICKERDESK_HISTORY_FETCH_TIMEOUT_SECONDS must be a whole number from 1 to 3600");
        assertMessage(
                Map.of("TICKERDESK_HISTORY_JOBS_RETENTION_DAYS", "0"),
                "TICKERDESK_HISTORY_JOBS_RETENTION_DAYS must be a whole number from 1 to 3650");
        assertMessage(
                Map.of("TICKERDESK_HISTORY_JOBS_RESTART_ON_STARTUP", "yes"),
                "TICKERDESK_HISTORY_JOBS_RESTART_ON_STARTUP must be true or false");
        assertMessage(
                Map.of("TICKERDESK_HISTORY_YAHOO_BASE_URL", "ftp://example"),
                "TICKERDESK_HISTORY_YAHOO_BASE_URL must be an http or https address");
        assertMessage(
                Map.of("TICKERDESK_HISTORY_CSV_MAX_BYTES", "-1"),
                "TICKERDESK_HISTORY_CSV_MAX_BYTES must be a whole number from 1 to 1073741824");
        assertMessage(
                Map.of("TICKERDESK_SIM_TICKS_PER_SECOND", "0"),
                "TICKERDESK_SIM_TICKS_PER_SECOND must be above 0");
        assertMessage(
                Map.of("TICKERDESK_SIM_SYMBOLS", "2.5"),
                "TICKERDESK_SIM_SYMBOLS must be a whole number");
        assertMessage(
                Map.of("TICKERDESK_SIM_SEED", "abc"), "TICKERDESK_SIM_SEED must be a whole number");
        assertMessage(
                Map.of("TICKERDESK_COPY_SIMULATED_SLOT_SECONDS", "0"),
                "TICKERDESK_COPY_SIMULATED_SLOT_SECONDS must be a whole number from 1 to 86400,"
                        + " not '0'");
        assertMessage(
                Map.of("TICKERDESK_LOGIN_MAX_FAILURES", "0"),
                "TICKERDESK_LOGIN_MAX_FAILURES must be a whole number from 1 to 1000, not '0'");
        assertMessage(
                Map.of("TICKERDESK_LOGIN_LOCKOUT_SECONDS", "5m"),
                "TICKERDESK_LOGIN_LOCKOUT_SECONDS must be a whole number from 1 to 86400, not"
                        + " '5m'");
        assertMessage(
                Map.of("TICKERDESK_API_MAX_BODY_BYTES", "16777217"),
                "TICKERDESK_API_MAX_BODY_BYTES must be a whole number from 1 to 16777216");
        assertMessage(
                Map.of("TICKERDESK_API_MAX_BODY_BYTES", "0"),
                "TICKERDESK_API_MAX_BODY_BYTES must be a whole number from 1 to 16777216");
        assertMessage(Map.of("TICKERDESK_ADMIN_PASSWORD", "short"), "at least 8 characters");
        assertMessage(Map.of("TICKERDESK_API_TOKEN", "short"), "at least 16 characters");
    }

    @Test
    void ibkrIsAcceptedAsSourceAndBroker() {
        LauncherSettings settings =
                assertDoesNotThrow(
                        () ->
                                read(
                                        Map.of(),
                                        Map.of(
                                                "TICKERDESK_SOURCE",
                                                "ibkr",
                                                "TICKERDESK_TRADING",
                                                "ibkr",
                                                "TICKERDESK_IBKR_PORT",
                                                "4002",
                                                "TICKERDESK_IBKR_MARKET_DATA_TYPE",
                                                "delayed-frozen",
                                                "TICKERDESK_IBKR_CLIENT_ID",
                                                "7")));
        assertEquals(8080, settings.httpPort(), "the other settings keep their defaults");
    }

    @Test
    void largestBodiesAndLoginLimitsAreAcceptedWithinTheirRanges() {
        assertDoesNotThrow(
                () ->
                        read(
                                Map.of(),
                                Map.of(
                                        "TICKERDESK_API_MAX_BODY_BYTES",
                                        "16777216",
                                        "TICKERDESK_LOGIN_MAX_FAILURES",
                                        "1",
                                        "TICKERDESK_LOGIN_LOCKOUT_SECONDS",
                                        "86400",
                                        "TICKERDESK_API_READ_REQUIRES_TOKEN",
                                        "true")));
    }

    @Test
    void webSocketLimitsAreWholeNumbersOfAtLeastOne() {
        assertMessage(
                Map.of("TICKERDESK_STREAMING_REQUESTS_PER_SECOND", "0"),
                "TICKERDESK_STREAMING_REQUESTS_PER_SECOND must be a whole number from 1 to 10000");
        assertMessage(
                Map.of("TICKERDESK_STREAMING_MAX_CONNECTIONS_PER_ADDRESS", "fifty"),
                "TICKERDESK_STREAMING_MAX_CONNECTIONS_PER_ADDRESS must be a whole number from 1 to"
                        + " 100000");
        assertDoesNotThrow(
                () ->
                        read(
                                Map.of(),
                                Map.of(
                                        "TICKERDESK_STREAMING_MAX_STREAMS",
                                        "10000",
                                        "TICKERDESK_STREAMING_REQUESTS_PER_SECOND",
                                        "1",
                                        "TICKERDESK_STREAMING_REQUEST_BURST",
                                        "100000",
                                        "TICKERDESK_STREAMING_MAX_CONNECTIONS_PER_ADDRESS",
                                        "1")));
    }

    @Test
    void aQuoteTurnsStaleAfterOneSecondToAnHour() {
        for (String bad : new String[] {"0", "3601", "1.5", "1m"}) {
            assertMessage(
                    Map.of("TICKERDESK_MARKETDATA_STALE_SECONDS", bad),
                    "TICKERDESK_MARKETDATA_STALE_SECONDS must be a whole number from 1 to 3600, not"
                            + " '"
                            + bad
                            + "'");
        }
        for (String good : new String[] {"1", "60", "3600"}) {
            assertDoesNotThrow(
                    () -> read(Map.of(), Map.of("TICKERDESK_MARKETDATA_STALE_SECONDS", good)));
        }
    }

    @Test
    void aDataFolderThatIsAFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "");
        assertMessage(
                Map.of("TICKERDESK_DATA_DIR", file.toString()),
                "TICKERDESK_DATA_DIR must be a folder");
    }

    @Test
    void blankValuesCountAsUnset() {
        assertEquals(
                8080,
                read(
                                Map.of(),
                                Map.of(
                                        "TICKERDESK_HTTP_PORT",
                                        "  ",
                                        "TICKERDESK_ADMIN_PASSWORD",
                                        ""))
                        .httpPort());
    }

    private static void assertMessage(Map<String, String> environment, String expected) {
        StartupException failure =
                assertThrows(StartupException.class, () -> read(Map.of(), environment));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}

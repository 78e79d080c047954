package org.tickerdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
                Map.of("TICKERDESK_SIM_TICKS_PER_SECOND", "0"),
                "TICKERDESK_SIM_TICKS_PER_SECOND must be above 0");
        assertMessage(
                Map.of("TICKERDESK_SIM_SYMBOLS", "2.5"),
                "TICKERDESK_SIM_SYMBOLS must be a whole number");
        assertMessage(
                Map.of("TICKERDESK_SIM_SEED", "abc"), "TICKERDESK_SIM_SEED must be a whole number");
        assertMessage(Map.of("TICKERDESK_ADMIN_PASSWORD", "short"), "at least 8 characters");
        assertMessage(Map.of("TICKERDESK_API_TOKEN", "short"), "at least 16 characters");
    }

    @Test
    void ibkrIsAcceptedAsSourceAndBroker() {
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
                        "7"));
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
        StartupFailure failure =
                assertThrows(StartupFailure.class, () -> read(Map.of(), environment));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}

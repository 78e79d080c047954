package org.tickerdesk.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tickerdesk.it.AdminSession;
import org.tickerdesk.it.ListeningSockets;
import org.tickerdesk.it.ListeningSockets.Listener;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * A server of its own, with clustering off as by default: it starts quietly, nothing but its HTTP
 * port is reachable from beyond this machine, and a login lock-out outlasts a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneSecurityIT {

    private static final TickerdeskProcess SERVER =
            new TickerdeskProcess(
                            "standalone",
                            Map.of(
                                    "TICKERDESK_HTTP_HOST",
                                    "0.0.0.0",
                                    "TICKERDESK_LOGIN_MAX_FAILURES",
                                    "2",
                                    "TICKERDESK_LOGIN_LOCKOUT_SECONDS",
                                    "600"))
                    .clean();

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    @Order(1)
    void theConsoleShowsTheBannerAndTheSetUpGoesToTheLog() throws IOException {
        List<String> console = SERVER.output().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(console.size() <= 10, "a quiet start:\n" + String.join("\n", console));
        assertTrue(
                console.stream().anyMatch(l -> l.contains(SERVER.serverLog().toString())),
                "the banner names the log");
        assertFalse(SERVER.output().contains("Payara Micro"), SERVER.output());
        String log = Files.readString(SERVER.serverLog());
        assertTrue(log.contains("Payara Micro"), "Payara's output is in the log");
        assertTrue(log.contains("initdb"), "so is the embedded PostgreSQL's");
        assertFalse(log.contains("has expired"), "no expired certificate authority is trusted");
        assertFalse(log.contains("JACC"), "every HTTP method of a constrained URL is covered");
    }

    @Test
    @Order(2)
    void onlyTheHttpPortListensBeyondLoopback() throws IOException {
        List<Listener> server = ListeningSockets.of(SERVER.pid());
        assertTrue(
                server.stream().anyMatch(l -> l.port() == SERVER.port() && !l.onLoopback()),
                "HTTP on every interface, as TICKERDESK_HTTP_HOST=0.0.0.0 asks: " + server);
        assertTrue(server.size() >= 2, "the data grid listens too: " + server);
        assertEquals(
                List.of(),
                server.stream().filter(l -> l.port() != SERVER.port() && !l.onLoopback()).toList(),
                "nothing else beyond loopback (all: " + server + ")");

        long postgres =
                Long.parseLong(
                        Files.readAllLines(SERVER.dataDir().resolve("postgres/postmaster.pid"))
                                .get(0)
                                .trim());
        List<Listener> database = ListeningSockets.of(postgres);
        assertFalse(database.isEmpty(), "PostgreSQL listens");
        assertTrue(database.stream().allMatch(Listener::onLoopback), database.toString());
    }

    @Test
    @Order(3)
    void aLockOutOutlastsARestart() {
        for (int i = 0; i < 2; i++) {
            AdminSession.logIn(SERVER.baseUrl(), "admin", "wrong-password-" + i);
        }
        AdminSession locked =
                AdminSession.logIn(SERVER.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        assertFalse(locked.loggedIn());
        assertTrue(locked.page().contains("Too many failed logins"), locked.page());

        SERVER.stop();
        SERVER.start();

        AdminSession afterRestart =
                AdminSession.logIn(SERVER.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        assertFalse(afterRestart.loggedIn(), "the right password does not lift the lock-out");
        assertTrue(afterRestart.page().contains("Too many failed logins"), afterRestart.page());
    }
}

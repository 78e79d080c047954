package org.tickerdesk.ibkr.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Tickerdesk with IBKR only as the broker ({@code TICKERDESK_TRADING=ibkr}, the simulated market
 * data) and an outage threshold of one minute: the fake TWS goes away for longer than that and
 * comes back, and "TWS disconnected" and "reconnected" are each notified once, from the broker's
 * own TWS session.
 */
class IbkrBrokerOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static TickerdeskProcess tickerdesk;
    private static FakeTwsServer tws;

    @AfterAll
    static void stop() throws IOException {
        if (tickerdesk != null) {
            tickerdesk.stop();
        }
        if (tws != null) {
            tws.close();
        }
    }

    @Test
    void anOutageOfTheBrokersSessionIsNotifiedOnceAndSoIsItsEnd() throws Exception {
        int port = freePort();
        tws = new FakeTwsServer(187, port);
        tws.fragmentWrites = false;
        tickerdesk =
                new TickerdeskProcess(
                                "ibkr-broker",
                                Map.of(
                                        "TICKERDESK_TRADING", "ibkr",
                                        "TICKERDESK_IBKR_PORT", Integer.toString(port),
                                        "TICKERDESK_IBKR_CLIENT_ID", "8",
                                        "TICKERDESK_IBKR_RECONNECT_MAX_SECONDS", "2",
                                        "TICKERDESK_NOTIFICATIONS_TWS_OUTAGE_MINUTES", "1"))
                        .clean()
                        .start();
        await("connected to the fake TWS", () -> linkConnected());
        assertEquals(List.of(), twsNotices(), "nothing to tell while TWS is there");

        tws.close();
        await("the link down", () -> !linkConnected());
        Thread.sleep(30_000);
        assertEquals(List.of(), twsNotices(), "half a minute down is no outage yet");
        await("the outage told", () -> twsNotices().size() == 1);
        tws = new FakeTwsServer(187, port);
        tws.fragmentWrites = false;
        await("reconnected", () -> linkConnected());
        await("the reconnection told", () -> twsNotices().size() == 2);
        Thread.sleep(3_000);

        List<JsonObject> notices = twsNotices();
        assertEquals(
                List.of("TWS_RECONNECTED", "TWS_DISCONNECTED"),
                notices.stream().map(n -> n.getString("type")).toList(),
                "each once, newest first: " + notices);
        assertTrue(
                notices.get(1).getString("text").contains("has been down for 1 minute"),
                notices.get(1).getString("text"));
    }

    private static boolean linkConnected() {
        return Http.json(Http.get(tickerdesk.baseUrl() + "/api/v1/ibkr/status"))
                .asJsonObject()
                .getJsonObject("link")
                .getBoolean("connected");
    }

    private static List<JsonObject> twsNotices() {
        return Http.json(Http.getAsAdmin(tickerdesk.baseUrl() + "/api/v1/notifications?limit=500"))
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(n -> n.getString("type").startsWith("TWS_"))
                .toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + PATIENCE);
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

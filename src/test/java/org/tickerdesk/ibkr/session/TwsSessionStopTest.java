package org.tickerdesk.ibkr.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.faketws.TestThreads;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * A member that loses the cluster's lead stops its session: the connection goes at once and no
 * reconnection follows until it leads again, when the same session connects anew.
 */
class TwsSessionStopTest {

    private FakeTwsServer server;
    private TwsSession session;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws IOException {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void connect() throws Exception {
        server = new FakeTwsServer(200);
        session = TestThreads.session(server.port(), 10);
        session.addListener(
                new TwsSession.Listener() {
                    @Override
                    public void onMessage(IncomingMessage message) {}

                    @Override
                    public void onConnected(SessionInfo info, String detail) {
                        heard.add("connected");
                    }

                    @Override
                    public void onDisconnected(String detail) {
                        heard.add("disconnected");
                    }
                });
        session.start();
        assertTrue(session.awaitConnected(Duration.ofSeconds(5)));
    }

    @Test
    void aStoppedSessionDropsItsConnectionAndDoesNotReconnect() throws Exception {
        connect();

        session.stop();

        assertFalse(session.isConnected(), "dropped at once");
        assertFalse(session.started());
        assertFalse(
                session.awaitConnected(Duration.ofMillis(600)),
                "no reconnection, though the policy would retry within 100 ms");
        assertEquals(List.of("connected"), heard, "a stop is no outage to tell of");
    }

    @Test
    void aStoppedSessionConnectsAgainWhenStartedAgain() throws Exception {
        connect();
        session.stop();

        session.start();

        assertTrue(session.started());
        assertTrue(session.awaitConnected(Duration.ofSeconds(5)));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (heard.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("connected", "connected"), List.copyOf(heard), "told after it is up");
    }

    @Test
    void stoppingAndStartingAgainAtOnceNeverHoldsTwoConnections() throws Exception {
        connect();

        for (int i = 0; i < 5; i++) {
            session.stop();
            session.start();
        }

        assertTrue(session.awaitConnected(Duration.ofSeconds(5)));
        Thread.sleep(300);
        assertTrue(session.isConnected(), "one connection, not refused as a second client");
    }

    @Test
    void stoppingANeverStartedOrClosedSessionDoesNothing() throws Exception {
        connect();
        session.close();

        session.stop();
        session.start();

        assertFalse(session.started());
        assertFalse(session.isConnected());
    }

    /**
     * The broker, the market data, the news and the lookups each start the session when they need
     * it: on a member that does not lead, none of them connects.
     */
    @Test
    void aStartWhileTheGateIsShutConnectsNothingUntilItOpens() throws Exception {
        server = new FakeTwsServer(200);
        session = TestThreads.session(server.port(), 10);
        boolean[] leading = {false};
        session.connectOnlyWhile(() -> leading[0]);

        session.start();

        assertFalse(session.started());
        assertFalse(session.awaitConnected(Duration.ofMillis(600)));
        assertEquals(0, server.sessions.get(), "TWS saw no one");
        leading[0] = true;
        session.start();
        assertTrue(session.awaitConnected(Duration.ofSeconds(5)));
        assertEquals(1, server.sessions.get());
    }
}

package org.tickerdesk.ibkr.faketws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tickerdesk.ibkr.session.TwsSession;

/**
 * A fake TWS and a session to it for one test, closed after it whatever happened. Register it with
 * {@code @RegisterExtension}, {@link #start} it at the server version the test speaks, build the
 * client under test on {@link #session()}, then {@link #connect()}.
 */
public final class FakeTws implements AfterEachCallback {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(5);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private FakeTwsServer server;
    private TwsSession session;

    /** A fake TWS speaking up to {@code serverVersion} and a session to it, not yet started. */
    public TwsSession start(int serverVersion) throws IOException {
        return start(serverVersion, 10);
    }

    /** As {@link #start(int)}, with an account of {@code maxLines} market-data lines. */
    public TwsSession start(int serverVersion, int maxLines) throws IOException {
        server = new FakeTwsServer(serverVersion);
        opened.push(server);
        return sessionTo(server.port(), maxLines);
    }

    /** A session to any port (one nothing listens on, say), closed after the test as well. */
    public TwsSession sessionTo(int port, int maxLines) {
        session = TestThreads.session(port, maxLines);
        opened.push(session::close);
        return session;
    }

    /** Starts the session and waits until the handshake with the fake TWS is done. */
    public void connect() throws InterruptedException {
        session.start();
        assertTrue(session.awaitConnected(CONNECT_WAIT), "connected to the fake TWS");
    }

    public FakeTwsServer server() {
        return server;
    }

    public TwsSession session() {
        return session;
    }

    /** The newest first, so a session closes before the server it talks to. */
    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        server = null;
        session = null;
        if (failure != null) {
            throw failure;
        }
    }
}

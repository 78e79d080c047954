package org.tickerdesk.admin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboards open on this server, one {@link StatusSocket} session each, and the one way to
 * send them the status. Sends are asynchronous, so a slow browser never holds up the others or the
 * timer; a session whose send fails is dropped and closed, and its page reconnects.
 */
@ApplicationScoped
public class Dashboards {

    /** A dashboard that has not taken a message for this long is treated as gone. */
    static final long SEND_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = Logger.getLogger(Dashboards.class.getName());

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    /** Adds a dashboard and sends it the status at once, whatever changed lately. */
    void open(Session session, String status) {
        session.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
        sessions.add(session);
        send(session, status);
    }

    void close(Session session) {
        sessions.remove(session);
    }

    /** Sends the status to every open dashboard. */
    void send(String status) {
        sessions.forEach(session -> send(session, status));
    }

    private void send(Session session, String status) {
        try {
            session.getAsyncRemote()
                    .sendText(
                            status,
                            result -> {
                                if (!result.isOK()) {
                                    drop(session);
                                }
                            });
        } catch (IllegalStateException e) {
            drop(session);
        }
    }

    private void drop(Session session) {
        sessions.remove(session);
        try {
            session.close();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing dashboard session {0} failed", session.getId());
        }
    }
}

package org.tickerdesk.streaming.boundary;

import jakarta.websocket.Session;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The remote address a WebSocket client connected from. The WebSocket API does not say it; Payara's
 * implementation, Tyrus, keeps the handshake request's address on its session and offers it as
 * {@code getRemoteAddr()}, which is read here by name, so that nothing else depends on Tyrus.
 */
final class ClientAddress {

    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());

    /** Said once: every connection would say it again. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ClientAddress() {}

    /**
     * @return the address, or {@code null} when the container does not tell it (a client then
     *     counts towards no address's limit)
     */
    static String of(Session session) {
        try {
            Object address = session.getClass().getMethod("getRemoteAddr").invoke(session);
            return address instanceof String text && !text.isBlank() ? text : null;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.log(
                        Level.WARNING,
                        "The WebSocket container does not tell a client''s address;"
                                + " connections per address are not limited: {0}",
                        e.toString());
            }
            return null;
        }
    }
}

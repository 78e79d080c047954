package org.tickerdesk.streaming.boundary;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.streaming.control.ClientConnection;
import org.tickerdesk.streaming.control.StreamHub;

/**
 * The market-data WebSocket, {@code /ws/market}: one instance per connection, handing the
 * connection's frames to the {@link StreamHub}. The protocol is described in the {@code
 * org.tickerdesk.streaming} package documentation.
 *
 * <p>Who the client is was settled before the handshake reached this endpoint, by the platform's
 * authentication mechanism, which sees the upgrade request like any other: a valid {@code
 * Authorization: Bearer <token>} or the signed-in admin's session cookie makes the caller the
 * handshake's principal, recorded on the connection for its whole life; an invalid token is refused
 * with 401 before any WebSocket exists; no credentials at all is an anonymous connection, served
 * public streams only.
 */
@ServerEndpoint("/ws/market")
public class MarketSocket {

    /** A client whose socket has not taken a message for this long is treated as gone. */
    static final long SEND_TIMEOUT_MILLIS = 30_000;

    private static final Logger LOG = Logger.getLogger(MarketSocket.class.getName());

    @Inject StreamHub hub;

    private ClientConnection connection;

    @OnOpen
    public void open(Session session) {
        session.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
        Principal caller = session.getUserPrincipal();
        connection =
                hub.connect(
                        SessionSender.over(session),
                        caller == null ? null : caller.getName(),
                        ClientAddress.of(session));
    }

    /**
     * Takes a message part by part, as the frames arrive, rather than whole: the hub keeps at most
     * the protocol's 64 KiB of it and answers a longer one with {@code frame_too_large} before
     * closing, where a whole-message handler would have the container buffer all of it first and
     * close with 1009 without a word.
     */
    @OnMessage
    public void text(String part, boolean last) {
        hub.receive(connection, part, last);
    }

    /** Binary messages are refused once, at their last part; their content is never kept. */
    @OnMessage
    public void binary(ByteBuffer part, boolean last) {
        if (last) {
            hub.receiveBinary(connection);
        }
    }

    @OnClose
    public void close() {
        if (connection != null) {
            hub.disconnect(connection);
        }
    }

    /**
     * Whatever failed, the connection is no longer trustworthy: close it rather than leave it half
     * served.
     */
    @OnError
    public void error(Session session, Throwable failure) {
        // a dropped network connection is routine; anything else is a fault worth seeing
        LOG.log(
                failure instanceof IOException ? Level.FINE : Level.WARNING,
                failure,
                () -> "WebSocket session " + session.getId() + " failed");
        close();
        try {
            session.close(new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "server error"));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINEST, "The failed session could not be closed; it is gone anyway", e);
        }
    }
}

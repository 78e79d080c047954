package org.tickerdesk.admin.boundary;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.admin.control.StatusBoard;

/**
 * The dashboard's status channel, {@code /admin/status}. It lies under {@code /admin}, so only the
 * browser of someone logged in to the admin connects: the handshake carries the login session. It
 * only speaks: the status at once on connecting, then every change {@link StatusBroadcast} finds.
 *
 * <p>Faces' own push ({@code <f:websocket>}) is not used on purpose: enabling its endpoint on
 * Payara lets Mojarra start the WebSocket container before the application's endpoints are scanned,
 * and then {@code /ws/market} is missing on about every other start.
 */
@ServerEndpoint("/admin/status")
public class StatusSocket {

    private static final Logger LOG = Logger.getLogger(StatusSocket.class.getName());

    @Inject Dashboards dashboards;

    @Inject StatusBoard board;

    @OnOpen
    public void open(Session session) {
        dashboards.open(session, StatusView.of(board.current()).json());
    }

    @OnClose
    public void close(Session session) {
        dashboards.close(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // a browser that leaves or drops its connection is routine; anything else is worth seeing
        LOG.log(
                failure instanceof IOException ? Level.FINE : Level.WARNING,
                failure,
                () -> "Dashboard session " + session.getId() + " failed");
        dashboards.close(session);
    }
}

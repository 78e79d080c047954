package org.tickerdesk.streaming.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.streaming.control.Sender;

/**
 * Sends through a WebSocket session's asynchronous remote, so that no caller waits for the network.
 */
final class SessionSender implements Sender {

    private static final Logger LOG = Logger.getLogger(SessionSender.class.getName());

    private final Session session;

    SessionSender(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        session.getAsyncRemote()
                .sendText(
                        text,
                        result ->
                                done.accept(
                                        result.isOK()
                                                ? null
                                                : result.getException() != null
                                                        ? result.getException()
                                                        : new IOException("Send failed")));
    }

    @Override
    public void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(
                    Level.FINE,
                    "Closing WebSocket session {0} failed; it is gone anyway",
                    session.getId());
        }
    }
}

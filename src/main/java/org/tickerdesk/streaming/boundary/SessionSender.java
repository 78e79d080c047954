package org.tickerdesk.streaming.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.streaming.control.Sender;
import org.tickerdesk.streaming.entity.Closing;

/**
 * Sends through a WebSocket session's asynchronous remote, so that no caller waits for the network.
 */
final class SessionSender {

    private static final Logger LOG = Logger.getLogger(SessionSender.class.getName());

    private SessionSender() {}

    static Sender over(Session session) {
        return new Sender((text, done) -> send(session, text, done), why -> close(session, why));
    }

    private static void send(Session session, String text, Consumer<Throwable> done) {
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

    private static void close(Session session, Closing why) {
        try {
            session.close(
                    new CloseReason(CloseReason.CloseCodes.getCloseCode(why.code()), why.reason()));
        } catch (IOException | IllegalStateException e) {
            LOG.log(
                    Level.FINE,
                    "Closing WebSocket session {0} failed; it is gone anyway",
                    session.getId());
        }
    }
}

package org.tickerdesk.streaming.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.streaming.control.Sender;
import org.tickerdesk.streaming.entity.Closing;

/**
 * Sends to a WebSocket session without making any caller wait for the network: batches in one write
 * where {@link FrameBatchWriter} can, otherwise message by message through the session's
 * asynchronous remote.
 */
final class SessionSender {

    private static final Logger LOG = Logger.getLogger(SessionSender.class.getName());

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private SessionSender() {}

    static Sender over(Session session) {
        return FrameBatchWriter.of(session)
                .map(writer -> Sender.batching(writer::write, why -> close(session, why)))
                .orElseGet(
                        () ->
                                new Sender(
                                        (text, done) -> send(session, text, done),
                                        why -> close(session, why)));
    }

    /**
     * Sends with the platform's class loader as the thread's context class loader. Tyrus restarts
     * the session's idle timer on every send by scheduling a task on Payara's managed scheduled
     * executor, which captures the thread's context first, and that capture looks up thread context
     * providers with a {@link java.util.ServiceLoader} over the context class loader: with the
     * application's, every message searched each of its jars (measured: most of the 146 µs of
     * server CPU per message). The platform's loader holds no such provider and is searched in no
     * time; the send itself loads no class.
     */
    private static void send(Session session, String text, Consumer<Throwable> done) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(PLATFORM);
        try {
            session.getAsyncRemote().sendText(text, result -> completed(own, result, done));
        } finally {
            thread.setContextClassLoader(own);
        }
    }

    /**
     * The completion may run inside the send, on this thread: the rest of the outbox runs under the
     * application's own context class loader again.
     */
    private static void completed(ClassLoader own, SendResult result, Consumer<Throwable> done) {
        Thread thread = Thread.currentThread();
        ClassLoader during = thread.getContextClassLoader();
        thread.setContextClassLoader(own);
        try {
            done.accept(
                    result.isOK()
                            ? null
                            : result.getException() != null
                                    ? result.getException()
                                    : new IOException("Send failed"));
        } finally {
            thread.setContextClassLoader(during);
        }
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

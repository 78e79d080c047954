package org.tickerdesk.ibkr.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.wire.FrameDecoder;
import org.tickerdesk.ibkr.wire.Frames;
import org.tickerdesk.ibkr.wire.MalformedMessageException;
import org.tickerdesk.ibkr.wire.MessageDecoder;
import org.tickerdesk.ibkr.wire.ProtocolException;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * The body of a connection's reader thread: bytes to frames to messages to the listener. A message
 * that does not decode is logged and skipped; broken framing, EOF or an I/O error end the loop with
 * the reason, which the connection reports as a disconnect.
 */
final class ReaderLoop {

    private static final Logger LOG = Logger.getLogger(ReaderLoop.class.getName());

    private final InputStream in;
    private final FrameDecoder frames;
    private final MessageDecoder decoder;
    private final Consumer<IncomingMessage> sink;

    ReaderLoop(
            InputStream in,
            FrameDecoder frames,
            MessageDecoder decoder,
            Consumer<IncomingMessage> sink) {
        this.in = in;
        this.frames = frames;
        this.decoder = decoder;
        this.sink = sink;
    }

    /** Runs until the stream ends; returns why. */
    String run(List<byte[]> alreadyFramed) {
        try {
            alreadyFramed.forEach(this::handle);
            byte[] buffer = new byte[16384];
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    return "TWS closed the connection";
                }
                for (byte[] body : frames.feed(buffer, 0, read)) {
                    handle(body);
                }
            }
        } catch (ProtocolException e) {
            LOG.log(
                    Level.SEVERE,
                    "Broken framing from TWS, dropping the connection: {0}",
                    e.getMessage());
            return "Protocol error: " + e.getMessage();
        } catch (IOException e) {
            return "Connection to TWS lost: " + e.getMessage();
        }
    }

    private void handle(byte[] body) {
        List<String> fields = Frames.fields(body);
        List<IncomingMessage> messages;
        try {
            messages = decoder.decode(fields);
        } catch (MalformedMessageException e) {
            LOG.log(Level.WARNING, "Skipped a message from TWS: {0}", e.getMessage());
            return;
        }
        if (messages.isEmpty()) {
            LOG.log(
                    Level.FINE,
                    "Skipped message id {0}: not handled by this client",
                    fields.isEmpty() ? "?" : fields.get(0));
            return;
        }
        for (IncomingMessage message : messages) {
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.SEVERE,
                        "The listener failed on " + message.getClass().getSimpleName(),
                        e);
            }
        }
    }
}

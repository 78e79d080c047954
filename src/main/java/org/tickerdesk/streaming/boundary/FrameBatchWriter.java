package org.tickerdesk.streaming.boundary;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * Writes a batch of text messages to one connection as WebSocket frames in a single write, where
 * Tyrus's own {@code sendText} costs a frame object, an encoding pass, an idle-timer task and a
 * flush (one system call) per message. The frames are what RFC 6455 says a server sends: final,
 * text, unmasked, no extension. They go through the connection's own Tyrus {@link Writer}, the same
 * object every frame Tyrus sends goes through, whose {@code write} takes one buffer at a time, so a
 * ping, pong or close Tyrus sends meanwhile comes before or after the batch, never inside it.
 *
 * <p>The writer is not offered by the WebSocket API: it is found once per connection through the
 * fields of Tyrus's session, by name. When it cannot be found (another Tyrus, another container) or
 * the connection negotiated an extension, {@link #of} says so, and the caller sends message by
 * message through the API instead.
 */
final class FrameBatchWriter {

    private static final Logger LOG = Logger.getLogger(FrameBatchWriter.class.getName());

    /** Said once: every connection would say it again. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final byte FINAL_TEXT = (byte) 0x81;

    private final Writer writer;

    private FrameBatchWriter(Writer writer) {
        this.writer = writer;
    }

    /** The session's batch writer, or empty when only the WebSocket API can send to it. */
    static Optional<FrameBatchWriter> of(Session session) {
        if (!session.getNegotiatedExtensions().isEmpty()) {
            return Optional.empty();
        }
        try {
            Object remote = session.getAsyncRemote();
            Object webSocket = field(remote.getClass(), "webSocket").get(remote);
            Object protocol = field(webSocket.getClass(), "protocolHandler").get(webSocket);
            Object writer = field(protocol.getClass(), "writer").get(protocol);
            if (writer instanceof Writer found) {
                return Optional.of(new FrameBatchWriter(found));
            }
            warn("Tyrus's protocol handler has no writer yet");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            warn(e.toString());
        }
        return Optional.empty();
    }

    /**
     * Starts writing the messages; {@code done} is called once, when the connection has taken all
     * of them or with why it could not.
     */
    void write(List<String> texts, Consumer<Throwable> done) {
        writer.write(frames(texts), new Completion(done));
    }

    /** The messages as consecutive WebSocket text frames. */
    static ByteBuffer frames(List<String> texts) {
        byte[][] payloads = new byte[texts.size()][];
        int size = 0;
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
            size += headerLength(payloads[i].length) + payloads[i].length;
        }
        ByteBuffer frames = ByteBuffer.allocate(size);
        for (byte[] payload : payloads) {
            frames.put(FINAL_TEXT);
            int length = payload.length;
            if (length < 126) {
                frames.put((byte) length);
            } else if (length <= 0xFFFF) {
                frames.put((byte) 126).putShort((short) length);
            } else {
                frames.put((byte) 127).putLong(length);
            }
            frames.put(payload);
        }
        return frames.flip();
    }

    private static int headerLength(int payloadLength) {
        return payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static void warn(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.log(
                    Level.WARNING,
                    "WebSocket messages are sent one by one through the WebSocket API, which costs"
                            + " several times the CPU of a batch: {0}",
                    why);
        }
    }

    private static final class Completion extends CompletionHandler<ByteBuffer> {

        private final Consumer<Throwable> done;

        Completion(Consumer<Throwable> done) {
            this.done = done;
        }

        @Override
        public void completed(ByteBuffer result) {
            done.accept(null);
        }

        @Override
        public void failed(Throwable failure) {
            done.accept(failure);
        }

        @Override
        public void cancelled() {
            done.accept(new CancellationException("The write was cancelled"));
        }
    }
}

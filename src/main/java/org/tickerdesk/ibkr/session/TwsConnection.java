package org.tickerdesk.ibkr.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tickerdesk.ibkr.wire.FrameDecoder;
import org.tickerdesk.ibkr.wire.Frames;
import org.tickerdesk.ibkr.wire.MessageDecoder;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.ProtocolException;
import org.tickerdesk.ibkr.wire.ServerVersions;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.ManagedAccounts;
import org.tickerdesk.ibkr.wire.messages.NextValidId;
import org.tickerdesk.ibkr.wire.messages.TwsError;

/**
 * One socket session with TWS or IB Gateway: handshake, startApi, then a reader thread that hands
 * decoded messages to the listener. Writes from any thread are serialised, each message going out
 * in one piece. The session is ready once nextValidId and managedAccounts have arrived. Used once:
 * after a disconnect, make a new connection.
 */
public final class TwsConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private final int clientId;
    private final Duration timeout;
    private final ThreadFactory threads;
    private final Consumer<IncomingMessage> messages;
    private final Consumer<String> disconnects;
    private final Object writeLock = new Object();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final ReadyState state = new ReadyState();
    private volatile Socket socket;
    private volatile int serverVersion;

    public TwsConnection(
            String host,
            int port,
            int clientId,
            Duration timeout,
            Consumer<IncomingMessage> messages,
            Consumer<String> disconnects) {
        this(host, port, clientId, timeout, messages, disconnects, Thread::new);
    }

    /**
     * @param messages receives every decoded message, on the reader thread: it must return quickly
     *     and hand work elsewhere, or the reader falls behind TWS
     * @param disconnects told once per connection why it is gone (EOF, I/O error, broken framing or
     *     close)
     * @param threads makes the reader thread; inside the server it must be a managed one, since the
     *     reader hands quotes to beans that may be created on it
     */
    public TwsConnection(
            String host,
            int port,
            int clientId,
            Duration timeout,
            Consumer<IncomingMessage> messages,
            Consumer<String> disconnects,
            ThreadFactory threads) {
        this.threads = threads;
        this.host = host;
        this.port = port;
        this.clientId = clientId;
        this.timeout = timeout;
        this.messages = messages;
        this.disconnects = disconnects;
    }

    /**
     * Connects and blocks until the session is ready, failing with IB's reason when it cannot be.
     */
    public SessionInfo connect() throws IOException, ProtocolException, InterruptedException {
        Socket s = new Socket();
        socket = s;
        try {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(Handshake.greeting(ServerVersions.MIN, ServerVersions.MAX, ""));
            out.flush();
            FrameDecoder frames = new FrameDecoder();
            List<byte[]> bodies = readFirstFrames(s.getInputStream(), frames);
            Handshake.ServerHello hello = Handshake.reply(Frames.fields(bodies.remove(0)));
            serverVersion = hello.serverVersion();
            state.connectionTime = hello.connectionTime();
            s.setSoTimeout(0);
            startReader(s.getInputStream(), frames, bodies);
            send(SessionRequests.startApi(serverVersion, clientId, ""));
        } catch (IOException | ProtocolException e) {
            closeQuietly();
            if (state.failure != null) {
                // TWS answers a refused startApi (326) and hangs up: its reason beats the broken
                // pipe it causes
                throw new IOException(state.failure, e);
            }
            throw e;
        }
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IOException(
                    "TWS did not send nextValidId and managedAccounts within "
                            + timeout.toSeconds()
                            + " s");
        }
        if (state.failure != null) {
            close();
            throw new IOException(state.failure);
        }
        return new SessionInfo(
                clientId, serverVersion, state.connectionTime, state.nextOrderId, state.accounts);
    }

    /** Sends one request; safe from any thread. */
    public void send(OutgoingMessage message) throws IOException {
        Socket s = socket;
        if (s == null || disconnected.get()) {
            throw new IOException("Not connected to TWS");
        }
        byte[] frame = message.toFrame();
        synchronized (writeLock) {
            try {
                s.getOutputStream().write(frame);
                s.getOutputStream().flush();
            } catch (IOException e) {
                disconnect("Writing to TWS failed: " + e.getMessage());
                throw e;
            }
        }
    }

    public int serverVersion() {
        return serverVersion;
    }

    public boolean isReady() {
        return ready.getCount() == 0 && state.failure == null && !disconnected.get();
    }

    @Override
    public void close() {
        disconnect("Closed by Tickerdesk");
    }

    private List<byte[]> readFirstFrames(InputStream in, FrameDecoder frames)
            throws IOException, ProtocolException {
        byte[] buffer = new byte[4096];
        List<byte[]> bodies = new ArrayList<>();
        while (bodies.isEmpty()) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException(
                        "TWS closed the connection during the handshake: is this client id already"
                                + " connected, or this host not trusted in the API settings?");
            }
            bodies.addAll(frames.feed(buffer, 0, read));
        }
        return bodies;
    }

    private void startReader(InputStream in, FrameDecoder frames, List<byte[]> pending) {
        ReaderLoop loop =
                new ReaderLoop(in, frames, new MessageDecoder(serverVersion), this::deliver);
        Thread reader = threads.newThread(() -> disconnect(loop.run(pending)));
        reader.setName("tws-reader-" + clientId);
        reader.setDaemon(true);
        reader.start();
    }

    private void deliver(IncomingMessage message) {
        if (ready.getCount() > 0) {
            state.observe(message);
            if (state.complete()) {
                ready.countDown();
            }
        }
        messages.accept(message);
    }

    private void disconnect(String reason) {
        if (disconnected.compareAndSet(false, true)) {
            closeQuietly();
            if (state.failure == null && ready.getCount() > 0) {
                state.failure = reason;
            }
            ready.countDown();
            disconnects.accept(reason);
        }
    }

    private void closeQuietly() {
        try {
            Socket s = socket;
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing is best effort: the socket is abandoned either way
        }
    }

    /**
     * What the connection has learnt while it waits to be ready; only the reader thread writes it.
     */
    private static final class ReadyState {
        volatile String connectionTime = "";
        volatile int nextOrderId = -1;
        volatile List<String> accounts;
        volatile String failure;

        void observe(IncomingMessage message) {
            if (message instanceof NextValidId id) {
                nextOrderId = id.orderId();
            } else if (message instanceof ManagedAccounts managed) {
                accounts = managed.accounts();
            } else if (message instanceof TwsError error
                    && error.known() == IbError.CLIENT_ID_IN_USE) {
                failure = error.describe();
            }
        }

        boolean complete() {
            return failure != null || (nextOrderId >= 0 && accounts != null);
        }
    }
}

package org.tickerdesk.ibkr.session;

import java.io.IOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.ProtocolException;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * The lasting link to TWS: one {@link TwsConnection} at a time, made on the session's own thread
 * and made again, forever and with the {@link ReconnectPolicy}'s backoff, whenever it drops or
 * cannot be made. Every message goes to every {@link Listener}; request ids are unique across
 * connections. Work that must not run on the reader thread (re-requesting after error 1101) is
 * queued with {@link #execute} and runs on the session thread while the connection lasts.
 */
public final class TwsSession implements AutoCloseable {

    /** What a market-data source or history client hears from the session. */
    public interface Listener {

        /** On the reader thread: return quickly. */
        void onMessage(IncomingMessage message);

        /** On the session thread, once the new connection is ready. */
        default void onConnected(SessionInfo session, String detail) {}

        /** On the session thread: a connection dropped or an attempt failed; another follows. */
        default void onDisconnected(String detail) {}
    }

    /**
     * errMsg names what it is about by one number, a request id or an order id. Request ids start
     * far above the order ids TWS hands out (nextValidId counts up from small numbers), so an error
     * about a market-data line or a history request is never taken for one about an order.
     */
    public static final int FIRST_REQUEST_ID = 1_000_000_000;

    private static final Logger LOG = Logger.getLogger(TwsSession.class.getName());

    private final IbkrSettings settings;
    private final ThreadFactory threads;
    private final ReconnectPolicy policy;
    private final Duration timeout;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestIds = new AtomicInteger(FIRST_REQUEST_ID - 1);
    private final BlockingQueue<Object> tasks = new LinkedBlockingQueue<>();
    private final Object readiness = new Object();
    private volatile TwsConnection current;
    private volatile boolean closed;
    private Thread thread;

    /** The thread a {@link #stop} ended, until the next start has waited for it to finish. */
    private Thread stopping;

    /**
     * Whether this instance may hold the session now. The broker, the market data, the news and the
     * contract lookups each start the session when they first need it; in a cluster only the leader
     * may connect (TWS takes a client id once, and a follower connected first would keep the leader
     * out), so a start while the gate is shut does nothing.
     */
    private volatile BooleanSupplier mayConnect = () -> true;

    public TwsSession(
            IbkrSettings settings,
            ThreadFactory threads,
            ReconnectPolicy policy,
            Duration timeout) {
        this.settings = settings;
        this.threads = threads;
        this.policy = policy;
        this.timeout = timeout;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Lets {@link #start} connect only while {@code gate} says so. */
    public void connectOnlyWhile(BooleanSupplier gate) {
        mayConnect = Objects.requireNonNull(gate, "gate");
    }

    /**
     * Starts connecting in the background; a second call does nothing. After a {@link #stop} it
     * connects again once the stopped session thread has ended, so that two connections with the
     * one client id never overlap.
     */
    public synchronized void start() {
        if (thread != null || closed || !mayConnect.getAsBoolean()) {
            return;
        }
        Thread previous = stopping;
        stopping = null;
        thread = threads.newThread(() -> runAfter(previous));
        if (thread == null) {
            throw new IllegalStateException(
                    "The thread factory gave no thread for the TWS session");
        }
        thread.start();
    }

    /** Where the session's users get their threads: managed ones inside the server. */
    public ThreadFactory threads() {
        return threads;
    }

    public IbkrSettings settings() {
        return settings;
    }

    /** A request id no other request of this session uses. */
    public int nextRequestId() {
        return requestIds.incrementAndGet();
    }

    public boolean isConnected() {
        TwsConnection c = current;
        return c != null && c.isReady();
    }

    /** Encodes the request for the negotiated server version and sends it. */
    public void send(IntFunction<OutgoingMessage> request) throws IOException {
        TwsConnection c = current;
        if (c == null) {
            throw new IOException(
                    "[504] " + IbError.NOT_CONNECTED.meaning() + " at " + settings.address());
        }
        c.send(request.apply(c.serverVersion()));
    }

    /** Runs the work on the session thread, unless the connection drops first. */
    public void execute(Runnable work) {
        tasks.add(work);
    }

    /** Waits until a connection is ready; false when the time ran out. */
    public boolean awaitConnected(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (readiness) {
            while (!isConnected()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                readiness.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * Drops the connection and stops reconnecting until {@link #start} is called again: the member
     * lost the cluster's lead. Listeners are not told of a drop: it is no outage. Returns at once.
     */
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) {
                return;
            }
            thread = null;
            stopping = t;
        }
        t.interrupt();
        TwsConnection c = current;
        if (c != null) {
            c.close();
        }
        changed(null);
    }

    /** Whether the session connects or is connected: started and neither stopped nor closed. */
    public synchronized boolean started() {
        return thread != null && !closed;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
        TwsConnection c = current;
        if (c != null) {
            c.close();
        }
        changed(null);
    }

    private void runAfter(Thread previous) {
        if (previous != null) {
            try {
                previous.join();
            } catch (InterruptedException e) {
                return;
            }
        }
        run();
    }

    private synchronized boolean current(Thread t) {
        return thread == t;
    }

    /** Whether the calling session thread is to end: the session was closed or stopped. */
    private boolean ended() {
        return closed || !current(Thread.currentThread());
    }

    private void run() {
        Reconnector reconnector = new Reconnector(policy, wait -> Thread.sleep(wait.toMillis()));
        Link[] link = new Link[1];
        Thread self = Thread.currentThread();
        try {
            while (!closed && current(self)) {
                reconnector.connect(() -> link[0] = attempt());
                serve(link[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            TwsConnection c = current;
            if (c != null) {
                c.close();
            }
            changed(null);
        }
    }

    private Link attempt() throws Exception {
        Link link = new Link();
        TwsConnection connection =
                new TwsConnection(
                        settings.host(),
                        settings.port(),
                        settings.clientId(),
                        timeout,
                        link::onMessage,
                        link::onDisconnected,
                        threads);
        SessionInfo info;
        try {
            info = connection.connect();
        } catch (InterruptedException e) {
            connection.close();
            throw e;
        } catch (IOException | ProtocolException e) {
            if (ended()) {
                throw new InterruptedException("Closed or stopped while connecting");
            }
            boolean unreachable = e instanceof SocketException || e instanceof UnknownHostException;
            String detail =
                    "TWS at "
                            + settings.address()
                            + (unreachable
                                    ? " not reachable: "
                                            + e.getMessage()
                                            + " ([502] "
                                            + IbError.CANNOT_CONNECT.meaning()
                                            + ")"
                                    : " did not start an API session: " + e.getMessage());
            tell(l -> l.onDisconnected(detail));
            throw e;
        }
        // checked and set under the lock stop() takes: a stop either comes first and is seen here,
        // or comes after and finds this connection to close
        synchronized (this) {
            if (ended()) {
                connection.close();
                throw new InterruptedException("Closed or stopped while connecting");
            }
            changed(connection);
        }
        String detail =
                "Connected to TWS at "
                        + settings.address()
                        + " (server version "
                        + info.serverVersion()
                        + ", client id "
                        + info.clientId()
                        + ")";
        LOG.info(detail);
        tell(l -> l.onConnected(info, detail));
        return link;
    }

    private void serve(Link link) throws InterruptedException {
        while (true) {
            Object task = tasks.take();
            if (task instanceof Dropped dropped) {
                if (dropped.link() != link) {
                    continue;
                }
                changed(null);
                if (ended()) {
                    return;
                }
                tasks.clear();
                String detail =
                        "Connection to TWS at "
                                + settings.address()
                                + " lost ("
                                + dropped.reason()
                                + "); reconnecting";
                LOG.warning(detail);
                tell(l -> l.onDisconnected(detail));
                return;
            }
            try {
                ((Runnable) task).run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Work on the TWS session thread failed", e);
            }
        }
    }

    private void changed(TwsConnection connection) {
        synchronized (readiness) {
            current = connection;
            readiness.notifyAll();
        }
    }

    private void tell(Consumer<Listener> call) {
        for (Listener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A TWS session listener failed", e);
            }
        }
    }

    /** A drop of the connection behind one link; drops of older links are ignored. */
    private record Dropped(Link link, String reason) {}

    /** The listener of one connection: forwards its messages and reports its end. */
    private final class Link {

        void onMessage(IncomingMessage message) {
            tell(l -> l.onMessage(message));
        }

        void onDisconnected(String reason) {
            tasks.add(new Dropped(this, reason));
        }
    }
}

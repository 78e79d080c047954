package org.tickerdesk.ibkr.news;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.SessionRequests;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.NewsBulletin;
import org.tickerdesk.marketdata.control.NewsSink;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsType;
import org.tickerdesk.platform.entity.SourceName;

/**
 * IB's news bulletins on the shared {@link TwsSession}: subscribed with all of the day's messages
 * on every (re)connect, since a new connection starts with no subscription, and handed to the sink
 * one at a time on a worker thread, so storing them never holds up the reader. TWS repeats the
 * day's bulletins after each reconnect; the sink knows them by their id.
 */
public final class IbkrNews implements TwsSession.Listener, AutoCloseable {

    public static final String SOURCE = SourceName.IBKR.setting();

    /**
     * Bulletins are rare; this many waiting means the sink is stuck, and more would only pile up.
     */
    static final int BACKLOG = 1_000;

    private static final Logger LOG = Logger.getLogger(IbkrNews.class.getName());

    private final TwsSession session;
    private final ThreadPoolExecutor worker;
    private final Clock clock;
    private volatile NewsSink sink;
    private volatile boolean closed;

    public IbkrNews(TwsSession session, ThreadFactory threads, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker =
                new ThreadPoolExecutor(
                        1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG), threads);
    }

    /**
     * Subscribes now if the session is up, and again on every reconnect; a second call does
     * nothing.
     */
    public void start(NewsSink newsSink) {
        synchronized (this) {
            if (sink != null || closed) {
                return;
            }
            sink = Objects.requireNonNull(newsSink, "sink");
        }
        session.addListener(this);
        session.start();
        // a connection made between these two lines subscribes twice, and the sink knows the
        // repeats
        if (session.isConnected()) {
            send(v -> SessionRequests.reqNewsBulletins(v, true));
        }
    }

    @Override
    public void onConnected(SessionInfo info, String detail) {
        if (!closed) {
            send(v -> SessionRequests.reqNewsBulletins(v, true));
        }
    }

    @Override
    public void onMessage(IncomingMessage message) {
        if (!(message instanceof NewsBulletin bulletin) || closed) {
            return;
        }
        Instant receivedAt = clock.instant();
        try {
            worker.execute(() -> deliver(bulletin, receivedAt));
        } catch (RejectedExecutionException e) {
            LOG.log(
                    Level.WARNING,
                    "IB news bulletin {0} dropped: {1} bulletins wait for the news store already",
                    new Object[] {bulletin.msgId(), BACKLOG});
        }
    }

    /** Cancels the subscription and lets the bulletins already received reach the sink. */
    @Override
    public void close() {
        closed = true;
        if (session.isConnected()) {
            send(SessionRequests::cancelNewsBulletins);
        }
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static News toNews(NewsBulletin bulletin, Instant receivedAt) {
        NewsType type =
                switch (bulletin.msgType()) {
                    case 2 -> NewsType.EXCHANGE_UNAVAILABLE;
                    case 3 -> NewsType.EXCHANGE_AVAILABLE;
                    default -> NewsType.REGULAR;
                };
        return News.of(
                SOURCE,
                String.valueOf(bulletin.msgId()),
                type,
                bulletin.message(),
                bulletin.originExchange(),
                null,
                receivedAt);
    }

    private void deliver(NewsBulletin bulletin, Instant receivedAt) {
        try {
            sink.accept(toNews(bulletin, receivedAt));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "IB news bulletin " + bulletin.msgId() + " could not be stored",
                    e);
        }
    }

    private void send(IntFunction<OutgoingMessage> request) {
        try {
            session.send(request);
        } catch (IOException e) {
            LOG.log(
                    Level.FINE,
                    "News bulletins not (un)subscribed now, the connection is down: {0}",
                    e.getMessage());
        }
    }
}

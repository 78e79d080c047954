package org.tickerdesk.ibkr.account;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.account.AccountDownloadEnd;
import org.tickerdesk.ibkr.wire.messages.account.PortfolioValue;

/**
 * The account's portfolio as TWS shows it (reqAccountUpdates → updatePortfolioValue): per contract,
 * the latest line TWS reported and the latest one while the account still held it, each with the
 * time it arrived. What a contract looked like while held is kept after it leaves the portfolio,
 * because the line at position 0 that TWS sends then carries the realised P&L but no longer the
 * quantity or the cost it is realised on.
 *
 * <p>TWS follows one account at a time: this follows the first account of the login (the only one
 * for a single account), subscribing after every (re)connect. {@link #refresh} subscribes again and
 * waits for the whole portfolio to have been reported anew. What was seen lives as long as the
 * application: after a restart only what TWS reports from then on is known.
 */
public final class IbkrPortfolio implements TwsSession.Listener {

    private static final Logger LOG = Logger.getLogger(IbkrPortfolio.class.getName());

    /** One line of the portfolio and when it arrived. */
    public record Seen(PortfolioValue value, Instant at) {

        public Seen {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(at, "at");
        }

        public boolean held() {
            return value.position().signum() != 0;
        }
    }

    /**
     * One contract of one account, named as Tickerdesk names it: the latest line, and the latest
     * one while held (null when it was never seen held).
     */
    public record Line(String account, String symbol, Seen latest, Seen lastHeld) {

        public Line {
            Objects.requireNonNull(latest, "latest");
        }
    }

    private record Key(String account, String symbol) {}

    private final TwsSession session;
    private final Clock clock;

    /** Guarded by {@code this}, as are the counters below. */
    private final Map<Key, Line> lines = new HashMap<>();

    /** The account followed on this connection; null while none is. */
    private String account;

    /** Subscriptions sent and downloads ended on this connection, and the connection's number. */
    private long requested;

    private long downloaded;
    private long connection;
    private volatile boolean closed;

    public IbkrPortfolio(TwsSession session, Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Begins following the portfolio on the session; before the session is started, since the
     * account to follow is learnt when a connection is made.
     */
    public void start() {
        session.addListener(this);
    }

    /** Stops following; what was seen stays readable. */
    public void close() {
        closed = true;
    }

    /** Every line of the contract, in every account seen; a copy. */
    public synchronized List<Line> lines(String symbol) {
        return lines.values().stream().filter(l -> l.symbol().equals(symbol)).toList();
    }

    /** The account followed, or null while not connected. */
    public synchronized String account() {
        return account;
    }

    /**
     * Subscribes again and waits until TWS has reported the whole portfolio once more, so what is
     * seen is current.
     *
     * @throws IOException when TWS is not connected, names no account or went away meanwhile
     * @throws TimeoutException when the portfolio did not arrive within the wait
     */
    public void refresh(Duration wait) throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long target;
        long on;
        String followed;
        synchronized (this) {
            // a connection is ready a moment before its listeners have heard of it
            while (account == null && session.isConnected() && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            followed = account;
            on = connection;
            if (followed == null) {
                throw new IOException(
                        session.isConnected()
                                ? "TWS names no account to show the portfolio of"
                                : "TWS is not connected");
            }
            target = ++requested;
        }
        session.send(v -> AccountRequests.reqAccountUpdates(v, true, followed));
        synchronized (this) {
            while (downloaded < target) {
                if (connection != on) {
                    throw new IOException(
                            "TWS disconnected before it reported the portfolio of " + followed);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException(
                            "TWS did not report the portfolio of "
                                    + followed
                                    + " within "
                                    + wait.toMillis()
                                    + " ms");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** On the session thread: follows the login's first account. */
    @Override
    public void onConnected(SessionInfo info, String detail) {
        if (closed) {
            return;
        }
        String first = info.accounts().isEmpty() ? null : info.accounts().get(0);
        synchronized (this) {
            account = first;
            requested = 0;
            downloaded = 0;
            connection++;
            notifyAll();
            if (first == null) {
                return;
            }
            requested++;
        }
        try {
            session.send(v -> AccountRequests.reqAccountUpdates(v, true, first));
        } catch (IOException e) {
            LOG.log(
                    Level.FINE,
                    "TWS went away before the portfolio was asked for; the next connection asks"
                            + " again: {0}",
                    e.getMessage());
        }
    }

    /** On the session thread. */
    @Override
    public synchronized void onDisconnected(String detail) {
        account = null;
        connection++;
        notifyAll();
    }

    /** On the reader thread. */
    @Override
    public void onMessage(IncomingMessage message) {
        if (closed) {
            return;
        }
        if (message instanceof PortfolioValue value) {
            seen(value);
        } else if (message instanceof AccountDownloadEnd) {
            synchronized (this) {
                downloaded++;
                notifyAll();
            }
        }
    }

    private synchronized void seen(PortfolioValue value) {
        String symbol =
                ContractMapping.symbolOf(value.secType(), value.symbol(), value.localSymbol());
        Key key = new Key(value.account(), symbol);
        Seen now = new Seen(value, clock.instant());
        Line was = lines.get(key);
        Seen lastHeld = now.held() ? now : was == null ? null : was.lastHeld();
        lines.put(key, new Line(value.account(), symbol, now, lastHeld));
    }

    /** A figure as a trader reads it. */
    public static String shown(BigDecimal value) {
        return value == null ? "unset" : value.stripTrailingZeros().toPlainString();
    }
}

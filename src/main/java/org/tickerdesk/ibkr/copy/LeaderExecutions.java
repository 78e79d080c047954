package org.tickerdesk.ibkr.copy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.control.TradeFeed;
import org.tickerdesk.copytrading.control.TradeSink;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.orders.OrderRequests;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.orders.Execution;
import org.tickerdesk.trading.entity.Side;

/**
 * The {@code ibkr} trade feed: for each trader whose feed is {@code ibkr}, the executions of their
 * leader's account ({@code feedAccount}) that the connected TWS reports are the leader's trades.
 * After every (re)connect, at {@link #start} and at every {@link #poll}, it asks TWS for the day's
 * executions of each followed account ({@code reqExecutions} filtered on the account code); live
 * {@code execDetails} of those accounts are taken as they come. TWS sends live executions of other
 * clients' orders only to the master API client, so a login that sees the leader's account but is
 * not the master still gets them at the next poll. Every report is delivered, repeats included: the
 * intake takes an execution id once.
 *
 * <p>An execution becomes a {@link LeaderTrade}: its execution id as the trade id, {@code BOT} a
 * buy and {@code SLD} a sell, its shares and price, its time (IB's {@code yyyyMMdd HH:mm:ss} with
 * the zone TWS names, or TWS's own zone given here when it names none). Only stocks are taken: an
 * execution reports no local symbol, which a future or option is named by. An execution that cannot
 * be taken (another kind, an unknown side, a time that does not read) is logged in one line with
 * its id and why, and delivered to nobody; one of our own copy orders ({@code cp-} order reference)
 * is never taken, so a leader account that is also ours cannot copy itself.
 *
 * <p>Threads: messages arrive on the session's reader thread and are handed to one worker thread of
 * this feed, which delivers them, in order, into the sink (a delivery waits for the decision and
 * its order); requests go out on the session thread.
 */
public final class LeaderExecutions implements TradeFeed, TwsSession.Listener {

    public static final String NAME = "ibkr";

    private static final Logger LOG = Logger.getLogger(LeaderExecutions.class.getName());
    private static final DateTimeFormatter IB_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private final TwsSession session;
    private final ThreadFactory threads;
    private final ZoneId twsZone;
    private final String unused;

    private volatile TradeSink sink;
    private volatile ExecutorService worker;
    private volatile boolean closed;

    /**
     * @param session the shared session, null when IBKR is not used here
     * @param unused why there is no session, said by {@link #unavailable()}
     * @param twsZone the zone of TWS's clock, for execution times that name none
     */
    public LeaderExecutions(
            TwsSession session, ThreadFactory threads, ZoneId twsZone, String unused) {
        this.session = session;
        this.threads = Objects.requireNonNull(threads, "threads");
        this.twsZone = Objects.requireNonNull(twsZone, "twsZone");
        this.unused = unused;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailable() {
        return session == null ? Optional.of(unused) : Optional.empty();
    }

    @Override
    public void start(TradeSink into) {
        if (session == null) {
            return;
        }
        this.sink = into;
        this.worker = Executors.newSingleThreadExecutor(threads);
        session.addListener(this);
        session.execute(this::requestAll);
    }

    @Override
    public void poll() {
        if (session != null && sink != null) {
            session.execute(this::requestAll);
        }
    }

    @Override
    public void close() {
        closed = true;
        ExecutorService w = worker;
        if (w != null) {
            w.shutdownNow();
        }
    }

    /** On the session thread. */
    @Override
    public void onConnected(SessionInfo info, String detail) {
        requestAll();
    }

    /** On the reader thread: handed on at once. */
    @Override
    public void onMessage(IncomingMessage message) {
        if (closed || !(message instanceof Execution execution)) {
            return;
        }
        ExecutorService w = worker;
        if (w != null) {
            try {
                w.execute(() -> take(execution));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.fine("The ibkr trade feed is closed; an execution was not taken");
            }
        }
    }

    /** The accounts of the followed ibkr traders. */
    private Set<String> accounts(List<WatchedTrader> traders) {
        Set<String> accounts = new TreeSet<>();
        for (WatchedTrader t : traders) {
            if (t.settings().feedAccount() != null) {
                accounts.add(t.settings().feedAccount());
            }
        }
        return accounts;
    }

    /** On the session thread. */
    private void requestAll() {
        TradeSink into = sink;
        if (closed || into == null || !session.isConnected()) {
            return;
        }
        for (String account : accounts(into.followed())) {
            int reqId = session.nextRequestId();
            try {
                session.send(v -> OrderRequests.reqExecutions(v, reqId, account));
            } catch (IOException e) {
                LOG.log(
                        Level.FINE,
                        "TWS went away before the executions of {0} were asked for; the next"
                                + " connection asks again: {1}",
                        new Object[] {account, e.getMessage()});
                return;
            }
        }
    }

    /** On the worker thread. */
    private void take(Execution e) {
        TradeSink into = sink;
        if (into == null || e.orderRef().startsWith("cp-")) {
            return;
        }
        List<WatchedTrader> following =
                into.followed().stream()
                        .filter(t -> e.account().equals(t.settings().feedAccount()))
                        .toList();
        if (following.isEmpty()) {
            return;
        }
        LeaderTrade trade;
        try {
            trade = trade(e, twsZone);
        } catch (IllegalArgumentException | DateTimeException bad) {
            LOG.warning(
                    () ->
                            "IBKR execution "
                                    + e.execId()
                                    + " of account "
                                    + e.account()
                                    + " not taken: "
                                    + bad.getMessage());
            return;
        }
        for (WatchedTrader trader : following) {
            try {
                into.deliver(trader.id(), trade);
            } catch (RuntimeException failed) {
                LOG.log(
                        Level.WARNING,
                        failed,
                        () ->
                                "IBKR execution "
                                        + e.execId()
                                        + " not taken for trader "
                                        + trader.id());
            }
        }
    }

    /**
     * The leader's trade an execution reports.
     *
     * @throws IllegalArgumentException naming what does not fit
     * @throws DateTimeException when the time does not read
     */
    public static LeaderTrade trade(Execution e, ZoneId twsZone) {
        if (!"STK".equals(e.secType())) {
            throw new IllegalArgumentException(
                    "only stocks are copied from IBKR executions, not " + e.secType());
        }
        Side side =
                switch (e.side()) {
                    case "BOT" -> Side.BUY;
                    case "SLD" -> Side.SELL;
                    default ->
                            throw new IllegalArgumentException(
                                    "side is BOT or SLD, not '" + e.side() + "'");
                };
        return new LeaderTrade(
                e.execId(),
                ContractMapping.symbolOf(e.secType(), e.symbol(), ""),
                side,
                e.shares(),
                e.price(),
                time(e.time(), twsZone),
                (BigDecimal) null);
    }

    /**
     * IB's execution time: {@code 20251121 10:00:01 US/Eastern}, or without a zone (then TWS's),
     * the date and time sometimes two spaces apart.
     */
    static Instant time(String text, ZoneId twsZone) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
            throw new DateTimeException(
                    "time is yyyyMMdd HH:mm:ss with an optional zone, not '" + text + "'");
        }
        LocalDateTime local = LocalDateTime.parse(parts[0] + " " + parts[1], IB_TIME);
        ZoneId zone = parts.length == 3 ? ZoneId.of(parts[2]) : twsZone;
        return local.atZone(zone).toInstant();
    }
}

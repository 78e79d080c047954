package org.tickerdesk.ibkr.marketdata;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.marketdata.LineState.Status;
import org.tickerdesk.ibkr.session.IbkrSettings;
import org.tickerdesk.ibkr.session.ReconnectPolicy;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.SessionRequests;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.MarketDataSink;
import org.tickerdesk.marketdata.control.MarketDataSource;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;
import org.tickerdesk.marketdata.entity.SourceStatus.State;
import org.tickerdesk.platform.entity.SourceName;

/**
 * The IBKR market-data source: keeps one reqMktData per wanted symbol within the account's line
 * limit (the rest wait, first come first served), assembles IB's ticks into quotes for the sink,
 * and requests every line again after a reconnect or error 1101. IB's refusals (200, 354, 10168)
 * and delayed data (10167) show in {@link #state}. Quotes reach the sink through a {@link
 * QuoteHandOff}, never on the reader thread.
 */
public final class IbkrMarketData implements MarketDataSource, TwsSession.Listener {

    public static final String NAME = SourceName.IBKR.setting();
    private static final Logger LOG = Logger.getLogger(IbkrMarketData.class.getName());

    private final TwsSession session;
    private final boolean ownsSession;
    private final MarketDataKind kind;
    private final LineBook book;
    private final TickRouter ticks;
    private volatile MarketDataSink sink;
    private volatile QuoteHandOff handOff;
    private final TickRouter.Output output =
            new TickRouter.Output() {
                @Override
                public void quote(Quote quote) {
                    QuoteHandOff h = handOff;
                    if (h != null) {
                        h.offer(quote);
                    }
                }

                @Override
                public void firstQuote(int reqId, MarketDataType type) {
                    boolean delayed =
                            type == MarketDataType.DELAYED || type == MarketDataType.DELAYED_FROZEN;
                    synchronized (IbkrMarketData.this) {
                        book.started(
                                reqId,
                                delayed ? Status.DELAYED : Status.STREAMING,
                                "Streaming "
                                        + type.name().toLowerCase().replace('_', '-')
                                        + " data from TWS");
                    }
                }
            };

    /** A source with its own connection, reconnecting with the standard backoff. */
    public IbkrMarketData(IbkrSettings settings, ThreadFactory threads) {
        this(
                new TwsSession(
                        settings, threads, ReconnectPolicy.standard(), Duration.ofSeconds(10)),
                true);
    }

    /**
     * A source on a session shared with others (history); the session's owner starts and closes it.
     */
    public IbkrMarketData(TwsSession session, boolean ownsSession) {
        this.session = Objects.requireNonNull(session, "session");
        this.ownsSession = ownsSession;
        this.kind = session.settings().marketDataType();
        this.book = new LineBook(session.settings().maxLines());
        this.ticks = new TickRouter(MarketDataType.valueOf(kind.name()));
        session.addListener(this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean subscribesOnDemand() {
        return true;
    }

    @Override
    public void start(MarketDataSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.handOff = new QuoteHandOff(session.threads(), sink::onQuote);
        status(State.STARTING, "Connecting to TWS at " + session.settings().address());
        session.start();
        if (session.isConnected()) {
            // a shared session may have connected before this source listened: its lines went out
            // on
            // subscribe, only the market-data type and the status are still to come
            synchronized (this) {
                send(v -> SessionRequests.reqMarketDataType(v, kind));
            }
            status(State.CONNECTED, "Connected to TWS at " + session.settings().address());
        }
    }

    /**
     * Fails at once for a contract that cannot be named to IB; otherwise requests it or queues it.
     */
    @Override
    public synchronized void subscribe(Contract contract) {
        ContractMapping.toIb(contract);
        if (book.want(contract)) {
            requestGranted();
        }
    }

    @Override
    public synchronized void unsubscribe(String symbol) {
        LineBook.Line line = book.drop(symbol);
        if (line != null && line.reqId != 0) {
            ticks.close(line.reqId);
            cancel(line.reqId);
            requestGranted();
        }
    }

    /** The symbols waiting for a market-data line, longest waiter first. */
    public synchronized List<String> waitingForLine() {
        return book.waiting();
    }

    public synchronized int linesInUse() {
        return book.linesInUse();
    }

    /** Every wanted symbol's subscription: streaming, waiting for a line, refused by IB. */
    public synchronized List<LineState> lines() {
        return book.states();
    }

    public int maxLines() {
        return session.settings().maxLines();
    }

    /** Where the symbol's subscription stands: streaming, waiting, delayed, refused by IB. */
    public synchronized LineState state(String symbol) {
        return book.state(symbol);
    }

    @Override
    public void close() {
        QuoteHandOff h = handOff;
        if (h != null) {
            h.close();
        }
        if (ownsSession) {
            session.close();
        } else {
            synchronized (this) {
                book.holding().forEach(line -> cancel(line.reqId));
            }
        }
        status(State.STOPPED, "Closed by Tickerdesk");
    }

    @Override
    public void onConnected(SessionInfo info, String detail) {
        synchronized (this) {
            send(v -> SessionRequests.reqMarketDataType(v, kind));
            ticks.clear();
            book.renew(session::nextRequestId, true).keySet().forEach(this::request);
            requestGranted();
        }
        status(State.CONNECTED, detail);
    }

    @Override
    public void onDisconnected(String detail) {
        synchronized (this) {
            book.interrupted("Requested again once TWS is back");
        }
        status(State.DISCONNECTED, detail);
    }

    @Override
    public void onMessage(IncomingMessage message) {
        if (message instanceof TwsError error) {
            MarketDataErrors.handle(error, this);
        } else {
            ticks.route(message, output);
        }
    }

    /**
     * 1101: TWS is back but lost every subscription; request them all again, the old ids cancelled.
     */
    void requestAllAgain() {
        session.execute(
                () -> {
                    synchronized (this) {
                        ticks.clear();
                        book.renew(session::nextRequestId, false)
                                .forEach(
                                        (line, old) -> {
                                            cancel(old);
                                            request(line);
                                        });
                    }
                });
    }

    /** IB refused a request: the line is free for the next waiter. */
    void refused(int reqId, Status status, String detail) {
        synchronized (this) {
            LineBook.Line line = book.refuse(reqId, status, detail);
            if (line == null) {
                return;
            }
            ticks.close(reqId);
            LOG.log(Level.WARNING, "{0}: {1}", new Object[] {line.symbol(), detail});
        }
        session.execute(
                () -> {
                    synchronized (this) {
                        requestGranted();
                    }
                });
    }

    synchronized void marked(int reqId, Status status, String detail) {
        book.mark(reqId, status, detail);
    }

    synchronized String symbolOf(int reqId) {
        LineBook.Line line = book.byRequest(reqId);
        return line == null ? null : line.symbol();
    }

    void status(State state, String detail) {
        MarketDataSink s = sink;
        if (s != null) {
            s.onStatus(new SourceStatus(NAME, state, detail, Instant.now()));
        }
    }

    private void requestGranted() {
        book.grant(session::nextRequestId).forEach(this::request);
    }

    private void request(LineBook.Line line) {
        ticks.open(line.reqId, line.symbol());
        int reqId = line.reqId;
        send(
                v ->
                        MarketDataRequests.reqMktData(
                                v, reqId, ContractMapping.toIb(line.contract), "", false));
    }

    private void cancel(int reqId) {
        send(v -> MarketDataRequests.cancelMktData(v, reqId));
    }

    /** Sends when connected; otherwise the reconnect requests everything again anyway. */
    private void send(IntFunction<OutgoingMessage> request) {
        if (!session.isConnected()) {
            return;
        }
        try {
            session.send(request);
        } catch (IOException e) {
            LOG.log(
                    Level.FINE,
                    "Not sent, TWS went away; the reconnect requests again: {0}",
                    e.getMessage());
        }
    }
}

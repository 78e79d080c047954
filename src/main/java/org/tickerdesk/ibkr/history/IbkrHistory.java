package org.tickerdesk.ibkr.history;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.ibkr.wire.messages.history.CorruptHistoricalData;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBars;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalDataEnd;

/**
 * Historical bars for the collection job, one window per call: the request passes the {@link
 * PacingGate}, goes out on the shared {@link TwsSession}, and the call returns the bars once IB's
 * end marker arrives. A pacing violation (162) pauses the gate and the request is made again; a
 * dropped connection makes it again once TWS is back; "no data" is an empty window; any other
 * refusal (200: no such contract), and bars that cannot be read, are a {@link
 * HistoricalDataException}. The whole call stays within its timeout. Blocking, so a Jakarta Batch
 * reader can call it from its own thread.
 */
public final class IbkrHistory implements TwsSession.Listener {

    private static final Logger LOG = Logger.getLogger(IbkrHistory.class.getName());

    /**
     * How one request ended: its bars, IB's error, the connection's end, or bars that could not be
     * read.
     */
    private record Outcome(
            List<HistoricalBar> bars, TwsError error, String dropped, String corrupt) {}

    /** The bars of one request as they arrive, and its outcome. */
    private static final class Pending {
        final List<HistoricalBar> bars = new ArrayList<>();
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    }

    private final TwsSession session;
    private final PacingGate gate;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

    public IbkrHistory(TwsSession session, PacingGate gate) {
        this.session = session;
        this.gate = gate;
        session.addListener(this);
    }

    public PacingGate gate() {
        return gate;
    }

    public List<HistoricalBar> fetch(HistoricalDataRequest request, Duration timeout)
            throws HistoricalDataException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!session.awaitConnected(left(deadline))) {
                throw new TimeoutException(
                        "TWS at "
                                + session.settings().address()
                                + " was not connected within "
                                + timeout.toSeconds()
                                + " s");
            }
            PacingGate.Permit permit = gate.acquire(request, left(deadline));
            Outcome outcome = ask(request, deadline, permit);
            if (outcome.error() != null
                    && outcome.error().known() == IbError.HISTORICAL_PACING_VIOLATION) {
                LOG.log(
                        Level.WARNING,
                        "Pacing violation for {0}; retrying after a pause: {1}",
                        new Object[] {request.contract().symbol(), outcome.error().describe()});
                gate.violated(permit);
                continue;
            }
            gate.release(permit);
            if (outcome.dropped() != null) {
                LOG.log(
                        Level.INFO,
                        "History request for {0} interrupted ({1}); re-issued once TWS is back",
                        new Object[] {request.contract().symbol(), outcome.dropped()});
                continue;
            }
            if (outcome.corrupt() != null) {
                throw new HistoricalDataException(
                        "IB sent history for "
                                + request.contract().symbol()
                                + " that cannot be read, so none of the window is used: "
                                + outcome.corrupt());
            }
            if (outcome.error() == null) {
                return outcome.bars();
            }
            return refused(request, outcome.error());
        }
    }

    @Override
    public void onMessage(IncomingMessage message) {
        if (message instanceof HistoricalBars bars) {
            Pending p = pending.get(bars.reqId());
            if (p != null) {
                p.bars.addAll(bars.bars());
            }
        } else if (message instanceof HistoricalDataEnd end) {
            Pending p = pending.get(end.reqId());
            if (p != null) {
                p.outcome.complete(new Outcome(List.copyOf(p.bars), null, null, null));
            }
        } else if (message instanceof CorruptHistoricalData corrupt) {
            Pending p = pending.get(corrupt.reqId());
            if (p != null) {
                p.outcome.complete(new Outcome(List.of(), null, null, corrupt.reason()));
            }
        } else if (message instanceof TwsError error && error.reqId() >= 0) {
            Pending p = pending.get(error.reqId());
            if (p == null) {
                return;
            }
            if (error.code() >= 2100 && error.code() < 2200) {
                LOG.log(
                        Level.WARNING,
                        "History request {0}: {1}",
                        new Object[] {error.reqId(), error.describe()});
            } else {
                p.outcome.complete(new Outcome(List.of(), error, null, null));
            }
        }
    }

    @Override
    public void onDisconnected(String detail) {
        pending.values()
                .forEach(p -> p.outcome.complete(new Outcome(List.of(), null, detail, null)));
    }

    private Outcome ask(HistoricalDataRequest request, long deadline, PacingGate.Permit permit)
            throws TimeoutException, InterruptedException {
        int reqId = session.nextRequestId();
        Pending p = new Pending();
        pending.put(reqId, p);
        try {
            session.send(v -> HistoryRequests.reqHistoricalData(v, reqId, request));
            return p.outcome.get(left(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return new Outcome(List.of(), null, e.getMessage(), null);
        } catch (TimeoutException e) {
            gate.release(permit);
            cancel(reqId);
            throw new TimeoutException(
                    "No answer from TWS to the history request for "
                            + request.contract().symbol()
                            + " in time; cancelled");
        } catch (ExecutionException e) {
            throw new IllegalStateException("History outcomes do not fail", e);
        } finally {
            pending.remove(reqId);
        }
    }

    private List<HistoricalBar> refused(HistoricalDataRequest request, TwsError error)
            throws HistoricalDataException {
        String symbol = request.contract().symbol();
        if (error.known() == IbError.HISTORICAL_QUERY_FAILED
                && error.text().toLowerCase().contains("no data")) {
            LOG.log(
                    Level.INFO,
                    "No historical data for {0} in this window: {1}",
                    new Object[] {symbol, error.text()});
            return List.of();
        }
        if (error.known() == IbError.NO_SECURITY_DEFINITION) {
            throw new HistoricalDataException(
                    "No such instrument at IBKR: " + symbol + " (IB: " + error.text() + ")", error);
        }
        throw new HistoricalDataException(
                "IB refused the history request for " + symbol + ": " + error.describe(), error);
    }

    private void cancel(int reqId) {
        try {
            session.send(v -> HistoryRequests.cancelHistoricalData(v, reqId));
        } catch (IOException e) {
            LOG.log(
                    Level.FINE,
                    "Could not cancel history request {0}: {1}",
                    new Object[] {reqId, e.getMessage()});
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}

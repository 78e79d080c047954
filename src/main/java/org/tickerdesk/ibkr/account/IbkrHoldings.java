package org.tickerdesk.ibkr.account;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.contracts.ContractMapping;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.account.Position;
import org.tickerdesk.ibkr.wire.messages.account.PositionEnd;
import org.tickerdesk.trading.entity.Holding;

/**
 * What the accounts of the TWS login hold by IB's own figures. After every (re)connect it sends
 * reqPositions once; the positions TWS answers with replace the previous set when positionEnd
 * arrives, so until then the last complete set stands. After positionEnd TWS reports each change:
 * the latest report per account and contract counts, and a quantity of zero removes the holding. A
 * contract is named as Tickerdesk names it ({@link ContractMapping#symbolOf}); an average cost IB
 * leaves unset is 0, as IB's own clients report it.
 */
public final class IbkrHoldings implements TwsSession.Listener {

    private static final Logger LOG = Logger.getLogger(IbkrHoldings.class.getName());
    private static final Comparator<Holding> ORDER =
            Comparator.comparing(Holding::account).thenComparing(Holding::symbol);

    private final TwsSession session;

    /** The last complete set and the changes since; guarded by {@code this}. */
    private final Map<Key, Holding> current = new HashMap<>();

    /** The set being reported since reqPositions, null when none is; guarded by {@code this}. */
    private Map<Key, Holding> reporting;

    /** Only the session thread reads and writes it. */
    private boolean requestedThisConnection;

    private volatile boolean closed;

    /** A contract of an account: by IB's conId, or by its symbol when IB gives none. */
    private record Key(String account, int conId, String symbol) {

        static Key of(Position p, String symbol) {
            return p.conId() > 0
                    ? new Key(p.account(), p.conId(), "")
                    : new Key(p.account(), 0, symbol);
        }
    }

    public IbkrHoldings(TwsSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Begins following the account on the session, which the caller starts; any thread. A session
     * that is connected already is asked at once, on its own thread.
     */
    public void start() {
        session.addListener(this);
        session.execute(this::requestOnce);
    }

    /**
     * The holdings as last reported, sorted by account and symbol; empty until TWS has reported
     * them once. Safe from any thread; the list is a copy.
     */
    public synchronized List<Holding> holdings() {
        return current.values().stream().sorted(ORDER).toList();
    }

    /** Stops following the account; any thread. What is held stays readable. */
    public void close() {
        closed = true;
    }

    /** On the session thread. */
    @Override
    public void onConnected(SessionInfo info, String detail) {
        requestedThisConnection = false;
        requestOnce();
    }

    /** On the session thread: a set half reported is dropped, the next connection asks anew. */
    @Override
    public void onDisconnected(String detail) {
        requestedThisConnection = false;
        synchronized (this) {
            reporting = null;
        }
    }

    /** On the reader thread. */
    @Override
    public void onMessage(IncomingMessage message) {
        if (closed) {
            return;
        }
        if (message instanceof Position position) {
            held(position);
        } else if (message instanceof PositionEnd) {
            reported();
        }
    }

    private synchronized void held(Position p) {
        String symbol = ContractMapping.symbolOf(p.secType(), p.symbol(), p.localSymbol());
        Key key = Key.of(p, symbol);
        Map<Key, Holding> into = reporting != null ? reporting : current;
        if (p.quantity().signum() == 0) {
            into.remove(key);
            return;
        }
        BigDecimal cost = p.averageCost() == null ? BigDecimal.ZERO : p.averageCost();
        into.put(key, new Holding(p.account(), symbol, p.quantity(), cost));
    }

    private synchronized void reported() {
        if (reporting == null) {
            return;
        }
        current.clear();
        current.putAll(reporting);
        reporting = null;
        LOG.log(Level.FINE, "TWS reported {0} holdings", current.size());
    }

    /** On the session thread: asks TWS for the positions, once per connection. */
    private void requestOnce() {
        if (requestedThisConnection || closed || !session.isConnected()) {
            return;
        }
        requestedThisConnection = true;
        synchronized (this) {
            reporting = new HashMap<>();
        }
        try {
            session.send(AccountRequests::reqPositions);
        } catch (IOException e) {
            LOG.log(
                    Level.FINE,
                    "TWS went away before the positions were asked for; the next connection asks"
                            + " again: {0}",
                    e.getMessage());
        }
    }
}

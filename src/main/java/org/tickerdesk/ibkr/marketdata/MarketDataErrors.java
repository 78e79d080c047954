package org.tickerdesk.ibkr.marketdata;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.marketdata.LineState.Status;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.marketdata.entity.SourceStatus.State;

/**
 * What the market-data source makes of TWS's errMsg: refusals of one of its requests (no such
 * contract, no permission, delayed instead of live) and the connectivity codes of the session (1100
 * lost, 1101 restored with subscriptions lost, 1102 restored with them kept). Every other code of
 * the session or of its requests is logged with IB's text at its severity.
 */
final class MarketDataErrors {

    private static final Logger LOG = Logger.getLogger(MarketDataErrors.class.getName());

    private MarketDataErrors() {}

    static void handle(TwsError error, IbkrMarketData source) {
        if (error.reqId() >= 0) {
            String symbol = source.symbolOf(error.reqId());
            if (symbol != null) {
                request(error, symbol, source);
            }
            // other request ids belong to history or orders, whose owners report them
            return;
        }
        if (error.known() == IbError.CONNECTIVITY_LOST) {
            source.status(State.DISCONNECTED, error.describe());
        } else if (error.known() == IbError.RESTORED_DATA_LOST) {
            source.status(State.CONNECTED, error.describe());
            source.requestAllAgain();
        } else if (error.known() == IbError.RESTORED_DATA_KEPT) {
            source.status(State.CONNECTED, error.describe());
        }
        log(error, "TWS");
    }

    private static void request(TwsError error, String symbol, IbkrMarketData source) {
        IbError known = error.known();
        if (known == IbError.NO_SECURITY_DEFINITION) {
            source.refused(
                    error.reqId(),
                    Status.NO_SUCH_CONTRACT,
                    "No such instrument at IBKR: " + symbol + " (IB: " + error.text() + ")");
        } else if (known == IbError.MARKET_DATA_NOT_SUBSCRIBED
                || known == IbError.DELAYED_DATA_NOT_ENABLED) {
            source.refused(error.reqId(), Status.NO_PERMISSION, error.describe());
        } else if (known == IbError.DELAYED_DATA_DISPLAYED) {
            source.marked(error.reqId(), Status.DELAYED, error.describe());
            log(error, symbol);
        } else {
            log(error, symbol);
        }
    }

    private static void log(TwsError error, String about) {
        Level level =
                switch (error.severity()) {
                    case INFO -> Level.INFO;
                    case WARNING, ERROR -> Level.WARNING;
                    case FATAL -> Level.SEVERE;
                };
        LOG.log(level, "{0}: {1}", new Object[] {about, error.describe()});
    }
}

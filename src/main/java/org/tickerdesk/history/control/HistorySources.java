package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place a history source is selected. Each collection names its source, so the selection is
 * by that name among the {@link HistorySource.ConfiguredAs qualified} implementations; IBKR's only
 * when this server uses IBKR (as its market-data source or its broker), since otherwise there is no
 * TWS to ask.
 */
@ApplicationScoped
public class HistorySources {

    static final String NO_IBKR =
            "Historical bars from IBKR need IBKR, which this server does not use: set"
                    + " TICKERDESK_SOURCE=ibkr or TICKERDESK_TRADING=ibkr, with TWS or IB"
                    + " Gateway reachable at TICKERDESK_IBKR_HOST and TICKERDESK_IBKR_PORT";

    @Inject Upstream upstream;

    @Inject @Any Instance<HistorySource> sources;

    public HistorySource named(HistorySourceName name) {
        if (name == HistorySourceName.IBKR && !upstream.usesIbkr()) {
            return HistorySource.unavailable(name, NO_IBKR);
        }
        Instance<HistorySource> chosen =
                sources.select(new HistorySource.ConfiguredAs.Literal(name));
        if (!chosen.isResolvable()) {
            return HistorySource.unavailable(
                    name, "No " + name.wire() + " history source is installed in this server");
        }
        return chosen.get();
    }
}

package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place history's source is chosen: IBKR's whenever IBKR is configured, as the market-data
 * source or as the broker (it comes from the ibkr component); otherwise none, and every fetch fails
 * with NO_SOURCE.
 */
@ApplicationScoped
public class HistorySources {

    static final String NO_SOURCE =
            "Historical bars come from IBKR, which this server does not use: set"
                    + " TICKERDESK_SOURCE=ibkr or TICKERDESK_TRADING=ibkr, with TWS or IB"
                    + " Gateway reachable at TICKERDESK_IBKR_HOST and TICKERDESK_IBKR_PORT";

    @Inject Upstream upstream;

    @Inject @Any Instance<HistorySource> sources;

    @Produces
    @Dependent
    HistorySource configured() {
        if (!upstream.usesIbkr()) {
            return HistorySource.unavailable(NO_SOURCE);
        }
        return sources.select(new HistorySource.ConfiguredAs.Literal(SourceName.IBKR)).get();
    }
}

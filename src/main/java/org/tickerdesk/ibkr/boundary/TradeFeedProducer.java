package org.tickerdesk.ibkr.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.tickerdesk.copytrading.control.TradeFeed;
import org.tickerdesk.ibkr.copy.LeaderExecutions;

/**
 * IBKR's trade feed for copy trading ({@code ibkr}: a leader account's executions), on the shared
 * session when IBKR is used; otherwise a feed that says it is unavailable and opens no connection.
 * TWS's clock is taken to be this machine's zone for execution times that name none.
 */
@ApplicationScoped
public class TradeFeedProducer {

    @Inject TwsLink link;

    @Resource ManagedThreadFactory threads;

    @Produces
    @Dependent
    @TradeFeed.Named(LeaderExecutions.NAME)
    TradeFeed ibkr() {
        return new LeaderExecutions(
                link.enabled() ? link.session() : null,
                threads,
                ZoneId.systemDefault(),
                TwsLink.NOT_USED);
    }
}

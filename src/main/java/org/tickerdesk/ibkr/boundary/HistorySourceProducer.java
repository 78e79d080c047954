package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.history.control.HistorySource;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.ibkr.history.IbkrHistorySource;

/**
 * IBKR's history source for the collection job, through the shared session's pacing gate, made only
 * when {@code HistorySources} chooses it (IBKR is configured).
 */
@ApplicationScoped
public class HistorySourceProducer {

    @Inject TwsLink link;

    @Produces
    @Dependent
    @HistorySource.ConfiguredAs(HistorySourceName.IBKR)
    HistorySource ibkr() {
        return new IbkrHistorySource(link.history());
    }
}

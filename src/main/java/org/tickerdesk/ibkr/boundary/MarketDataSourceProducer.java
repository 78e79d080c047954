package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.marketdata.control.MarketDataSource;
import org.tickerdesk.platform.entity.SourceName;

/**
 * IBKR's market-data source for the feed supervisor, on the shared session, made only when {@code
 * MarketDataSources} chooses it ({@code tickerdesk.source=ibkr}).
 */
@ApplicationScoped
public class MarketDataSourceProducer {

    @Inject TwsLink link;

    @Produces
    @Dependent
    @MarketDataSource.ConfiguredAs(SourceName.IBKR)
    MarketDataSource ibkr() {
        return link.marketData();
    }
}

package org.tickerdesk.marketdata.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place the market-data source is chosen: the implementation whose {@link
 * MarketDataSource.ConfiguredAs} {@code tickerdesk.source} names. The simulated market is produced
 * here; IBKR's comes from the ibkr component. Only the chosen one is ever made, so the simulated
 * market opens no connection to TWS and IBKR's starts no generator thread.
 */
@ApplicationScoped
public class MarketDataSources {

    @Inject Upstream upstream;

    @Inject @Any Instance<MarketDataSource> sources;

    @Inject
    @ConfigProperty(name = "tickerdesk.sim.seed")
    long seed;

    @Inject
    @ConfigProperty(name = "tickerdesk.sim.ticks-per-second")
    double ticksPerSecond;

    @Resource ManagedThreadFactory threads;

    @Produces
    @Dependent
    MarketDataSource configured() {
        return sources.select(new MarketDataSource.ConfiguredAs.Literal(upstream.source())).get();
    }

    @Produces
    @Dependent
    @MarketDataSource.ConfiguredAs(SourceName.SIMULATED)
    MarketDataSource simulated() {
        return new SimulatedMarket(seed, ticksPerSecond, threads);
    }
}

package org.tickerdesk.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place the broker is chosen: the implementation whose {@link Broker.ConfiguredAs} {@code
 * tickerdesk.trading} names, the {@link PaperBroker} unless it says {@code ibkr} (IBKR's comes from
 * the ibkr component).
 */
@ApplicationScoped
public class Brokers {

    @Inject Upstream upstream;

    @Inject @Any Instance<Broker> brokers;

    @Produces
    @Dependent
    Broker configured() {
        return brokers.select(new Broker.ConfiguredAs.Literal(upstream.broker())).get();
    }
}

package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.ibkr.orders.IbkrBroker;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.trading.control.Broker;

/**
 * The IBKR broker for the order desk, on the shared session, made only when {@code Brokers} chooses
 * it ({@code tickerdesk.trading=ibkr}); the desk closes it.
 */
@ApplicationScoped
public class BrokerProducer {

    @Inject TwsLink link;

    @Produces
    @Dependent
    @Broker.ConfiguredAs(BrokerName.IBKR)
    Broker ibkr() {
        return new IbkrBroker(link.session());
    }
}

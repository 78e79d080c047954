package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.instruments.control.ContractLookup;
import org.tickerdesk.platform.entity.BrokerName;

/**
 * IBKR's contract lookup for the instrument catalog, made only when {@code ContractLookups} chooses
 * it. The session is reached on the first lookup, not when the catalog is created, so a catalog
 * used only for the watchlist never opens a connection to TWS.
 */
@ApplicationScoped
public class ContractLookupProducer {

    @Inject TwsLink link;

    @Produces
    @Dependent
    @ContractLookup.ConfiguredAs(BrokerName.IBKR)
    ContractLookup ibkr() {
        return query -> link.contracts().lookup(query);
    }
}

package org.tickerdesk.instruments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place the contract lookup is chosen: IBKR's whenever IBKR is configured, as the
 * market-data source or as the broker (it comes from the ibkr component); otherwise a lookup that
 * says IBKR is not used and reaches no broker.
 */
@ApplicationScoped
public class ContractLookups {

    @Inject Upstream upstream;

    @Inject @Any Instance<ContractLookup> lookups;

    @Produces
    @Dependent
    ContractLookup configured() {
        if (!upstream.usesIbkr()) {
            return ContractLookup.unavailable(Upstream.IBKR_NOT_USED);
        }
        return lookups.select(new ContractLookup.ConfiguredAs.Literal(BrokerName.IBKR)).get();
    }
}

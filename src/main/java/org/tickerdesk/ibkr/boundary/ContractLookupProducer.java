package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.tickerdesk.ibkr.control.TwsLink;
import org.tickerdesk.instruments.control.ContractLookup;

/**
 * Gives the instrument catalog IBKR's contract lookup when IBKR is used, and otherwise a lookup
 * that says IBKR is not used. The session is reached on the first lookup, not when the catalog is
 * created, so a catalog used only for the watchlist never opens a connection to TWS.
 */
@ApplicationScoped
public class ContractLookupProducer {

    @Inject TwsLink link;

    @Produces
    @Dependent
    ContractLookup contractLookup() {
        if (!link.enabled()) {
            return ContractLookup.unavailable(TwsLink.NOT_USED);
        }
        return query -> link.contracts().lookup(query);
    }
}

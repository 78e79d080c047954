package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/** Which contract lookup the catalog gets when IBKR is not configured. */
class ContractLookupsTest {

    @Test
    void withoutIbkrTheLookupSaysSoAndAsksNoBroker() {
        ContractLookups lookups = new ContractLookups();
        lookups.upstream = new Upstream(SourceName.SIMULATED, BrokerName.PAPER);
        ContractLookup lookup = lookups.configured();
        assertFalse(lookup.available());
        LookupFailedException e =
                assertThrows(
                        LookupFailedException.class,
                        () ->
                                lookup.lookup(
                                        new ContractQuery(
                                                0,
                                                "AAPL",
                                                InstrumentKind.STOCK,
                                                null,
                                                null,
                                                null)));
        assertEquals(LookupFailedException.Reason.NOT_USED, e.reason());
        assertEquals(
                "IBKR is not used here: set TICKERDESK_SOURCE=ibkr or TICKERDESK_TRADING=ibkr",
                e.getMessage());
    }
}

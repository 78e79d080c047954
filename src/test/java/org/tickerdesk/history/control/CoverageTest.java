package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentDetails;

/** What the coverage takes of an instrument for its sessions. */
class CoverageTest {

    @Test
    void anInstrumentLookedUpAtIbHasItsDetailsAndOneNeverLookedUpHasNone() {
        InstrumentDetails details =
                new InstrumentDetails(
                        265598,
                        null,
                        "APPLE INC",
                        "US/Eastern",
                        "20251121:0400-20251121:2000",
                        "20251121:0930-20251121:1600");
        Instrument resolved =
                new Instrument(
                        new ContractMatch(Contract.stock("AAPL", "NASDAQ"), details),
                        Instant.parse("2025-11-20T12:00:00Z"));
        assertEquals(details, Coverage.details(resolved));
        assertNull(Coverage.details(new Instrument(Contract.stock("IBM", "SMART"), null)));
    }
}

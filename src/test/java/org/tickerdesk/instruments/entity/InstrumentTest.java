package org.tickerdesk.instruments.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An instrument hands out the broker's details once it was looked up there, and none before. */
class InstrumentTest {

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
        assertEquals(details, resolved.details());
        assertNull(new Instrument(Contract.stock("IBM", "SMART"), null).details());
    }
}

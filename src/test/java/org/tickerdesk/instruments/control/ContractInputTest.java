package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;

class ContractInputTest {

    @Test
    void blanksTakeTheDefaultsOfAUsStock() {
        Contract contract = new ContractInput(" ibm ", "", null, " ", null, "").toContract();
        assertEquals(Contract.stock("IBM", "SMART"), contract);
    }

    @Test
    void aFutureNeedsItsExpiry() {
        String nextYear = LocalDate.now().plusYears(1).toString();
        Contract contract =
                new ContractInput("ESH7", "future", "cme", "usd", "0.25", nextYear).toContract();
        assertEquals(InstrumentKind.FUTURE, contract.kind());
        assertEquals("CME", contract.exchange());
        assertEquals(new BigDecimal("0.25"), contract.tickSize());
        assertRefused(
                new ContractInput("ESH7", "future", "CME", "USD", "0.25", null), "needs an expiry");
    }

    @Test
    void everyMistakeIsNamed() {
        assertRefused(
                new ContractInput(null, null, null, null, null, null), "A symbol is required");
        assertRefused(
                new ContractInput("X", "bond", null, null, null, null),
                "'bond' is not a kind of instrument");
        assertRefused(
                new ContractInput("X", null, null, null, "a penny", null),
                "'a penny' is not a tick size");
        assertRefused(
                new ContractInput("X", "event", null, null, null, "31/12/2026"), "is not a date");
        assertRefused(
                new ContractInput("X", "event", null, null, null, "2001-01-01"), "is in the past");
        assertRefused(new ContractInput("X Y", null, null, null, null, null), "not a valid symbol");
    }

    private static void assertRefused(ContractInput input, String reason) {
        InvalidInstrumentException e =
                assertThrows(InvalidInstrumentException.class, input::toContract);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}

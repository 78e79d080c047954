package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.entity.FieldError;

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

    @Test
    void whatTheDatabaseWouldRefuseIsRefusedFirstNamingTheField() {
        assertField(
                new ContractInput("X", null, null, null, null, null, "d".repeat(300)),
                "description",
                "The description is 300 characters long; at most 200 are allowed");
        assertField(
                new ContractInput("X", null, null, null, null, null, "Apple\u0000Inc"),
                "description",
                "'description' must not contain control characters (such as NUL or a tab)");
        assertField(
                new ContractInput("X", null, null, null, "1E+308", null),
                "tickSize",
                "The tick size must be from 0.00000001 to 1000000, with at most 8 decimal places,"
                        + " not 1E+308");
        assertField(
                new ContractInput("X", null, null, null, "1E-12", null),
                "tickSize",
                "The tick size must be from 0.00000001 to 1000000, with at most 8 decimal places,"
                        + " not 0.000000000001");
        assertField(
                new ContractInput("X", null, null, null, "0.000000015", null),
                "tickSize",
                "The tick size must be from 0.00000001 to 1000000, with at most 8 decimal places,"
                        + " not 0.000000015");
        assertField(
                new ContractInput("A\u0000B", null, null, null, null, null),
                "symbol",
                "'symbol' must not contain control characters (such as NUL or a tab)");
        assertField(
                new ContractInput("X", null, "E".repeat(33), null, null, null),
                "exchange",
                "'"
                        + "E".repeat(33)
                        + "' is not a valid exchange: use 1 to 32 upper-case letters,"
                        + " digits, '.', '-' or '_' (e.g. SMART, NASDAQ, CME)");
    }

    @Test
    void theLimitsThemselvesAreTaken() {
        Contract contract =
                new ContractInput("X", null, null, null, "0.00000001", null, "d".repeat(200))
                        .toContract();
        assertEquals(new BigDecimal("0.00000001"), contract.tickSize());
        assertEquals(
                new BigDecimal("1000000"),
                new ContractInput("X", null, null, null, "1000000", null)
                        .toContract()
                        .tickSize()
                        .stripTrailingZeros()
                        .setScale(0));
    }

    @Test
    void everyFieldAtFaultIsNamedInOneRefusal() {
        InvalidInstrumentException e =
                assertThrows(
                        InvalidInstrumentException.class,
                        () ->
                                new ContractInput("X Y", "bond", null, "DOLLARS", "-1", null, null)
                                        .toContract());
        assertEquals(
                List.of("symbol", "kind", "currency", "tickSize"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals(400, e.status());
        assertEquals("invalid_instrument", e.code());
    }

    private static void assertField(ContractInput input, String field, String message) {
        InvalidInstrumentException e =
                assertThrows(InvalidInstrumentException.class, input::toContract);
        assertEquals(List.of(new FieldError(field, message)), e.errors());
    }

    private static void assertRefused(ContractInput input, String reason) {
        InvalidInstrumentException e =
                assertThrows(InvalidInstrumentException.class, input::toContract);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}

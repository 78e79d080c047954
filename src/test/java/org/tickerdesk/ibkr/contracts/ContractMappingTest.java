package org.tickerdesk.ibkr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.SecurityType;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;

class ContractMappingTest {

    private static Contract contract(
            String symbol, InstrumentKind kind, String exchange, LocalDate expiry) {
        return new Contract(symbol, kind, exchange, "USD", new BigDecimal("0.01"), expiry);
    }

    @Test
    void stockIsRoutedSmartWithItsListingAsPrimaryExchange() {
        assertEquals(
                new IbContract(
                        0,
                        "AAPL",
                        SecurityType.STK,
                        "",
                        null,
                        "",
                        "",
                        "SMART",
                        "NASDAQ",
                        "USD",
                        "",
                        "",
                        false),
                ContractMapping.toIb(Contract.stock("AAPL", "NASDAQ")));
        IbContract berkshire = ContractMapping.toIb(Contract.stock("BRK.B", "SMART"));
        assertEquals("BRK B", berkshire.symbol());
        assertEquals("", berkshire.primaryExchange());
    }

    @Test
    void futureGoesToItsExchangeWithTheExpiryAsLastTradeDate() {
        IbContract es =
                ContractMapping.toIb(
                        contract("ESZ6", InstrumentKind.FUTURE, "CME", LocalDate.of(2026, 12, 18)));
        assertEquals(
                new IbContract(
                        0,
                        "ES",
                        SecurityType.FUT,
                        "20261218",
                        null,
                        "",
                        "",
                        "CME",
                        "",
                        "USD",
                        "",
                        "",
                        false),
                es);
        IbContract plain =
                ContractMapping.toIb(
                        contract("MES", InstrumentKind.FUTURE, "CME", LocalDate.of(2026, 3, 20)));
        assertEquals("MES", plain.symbol());
        IbContract mismatch =
                ContractMapping.toIb(
                        contract("ESH6", InstrumentKind.FUTURE, "CME", LocalDate.of(2026, 12, 18)));
        assertEquals("ESH6", mismatch.symbol());
    }

    @Test
    void optionIsNamedFromItsOccSymbol() {
        IbContract call =
                ContractMapping.toIb(
                        contract(
                                "AAPL251219C00190000",
                                InstrumentKind.OPTION,
                                "SMART",
                                LocalDate.of(2025, 12, 19)));
        assertEquals(
                new IbContract(
                        0,
                        "AAPL",
                        SecurityType.OPT,
                        "20251219",
                        new BigDecimal("190"),
                        "C",
                        "",
                        "SMART",
                        "",
                        "USD",
                        "",
                        "",
                        false),
                call);
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ContractMapping.toIb(
                                contract(
                                        "AAPL251219C00190000",
                                        InstrumentKind.OPTION,
                                        "SMART",
                                        LocalDate.of(2025, 12, 20))));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ContractMapping.toIb(
                                contract(
                                        "AAPL",
                                        InstrumentKind.OPTION,
                                        "SMART",
                                        LocalDate.of(2025, 12, 19))));
    }

    @Test
    void eventContractsAreOptionsAtForecastExAndFuturesOptionsAtCme() {
        IbContract fed =
                ContractMapping.toIb(
                        contract(
                                "FF260128C00004375",
                                InstrumentKind.EVENT,
                                "FORECASTX",
                                LocalDate.of(2026, 1, 28)));
        assertEquals(
                new IbContract(
                        0,
                        "FF",
                        SecurityType.OPT,
                        "20260128",
                        new BigDecimal("4.375"),
                        "C",
                        "",
                        "FORECASTX",
                        "",
                        "USD",
                        "",
                        "",
                        false),
                fed);
        IbContract es =
                ContractMapping.toIb(
                        contract(
                                "ECES251121P06700000",
                                InstrumentKind.EVENT,
                                "CME",
                                LocalDate.of(2025, 11, 21)));
        assertEquals(
                new IbContract(
                        0,
                        "ES",
                        SecurityType.FOP,
                        "20251121",
                        new BigDecimal("6700"),
                        "P",
                        "",
                        "CME",
                        "",
                        "USD",
                        "",
                        "ECES",
                        false),
                es);
    }

    @Test
    void aContractIbReportsIsNamedAsTickerdeskNamesIt() {
        assertEquals("BRK.B", ContractMapping.symbolOf("STK", "BRK B", "BRK B"));
        assertEquals("AAPL", ContractMapping.symbolOf("STK", "AAPL", ""));
        assertEquals("ESZ6", ContractMapping.symbolOf("FUT", "ES", "ESZ6"));
        assertEquals("ES", ContractMapping.symbolOf("FUT", "ES", ""));
        assertEquals(
                "AAPL251219C00190000",
                ContractMapping.symbolOf("OPT", "AAPL", "AAPL  251219C00190000"));
        assertEquals("ECESZ6C6000", ContractMapping.symbolOf("FOP", "ES", "ECESZ6 C6000"));
        assertEquals("EUR.USD", ContractMapping.symbolOf("CASH", "EUR", "EUR.USD"));
    }
}

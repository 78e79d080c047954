package org.tickerdesk.ibkr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.SecurityType;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentKind;

/** How a lookup is asked of IB, and how IB's contracts are named in Tickerdesk. */
class LookupMappingTest {

    private static ContractQuery query(
            String symbol, InstrumentKind kind, String exchange, String expiry) {
        return ContractQuery.bySymbol(symbol, kind, exchange, null, expiry);
    }

    @Test
    void aStockIsRoutedSmartWithTheAskedExchangeAsPrimary() {
        IbContract brk = LookupMapping.request(query("BRK.B", InstrumentKind.STOCK, "NYSE", null));
        assertEquals("BRK B", brk.symbol());
        assertEquals(SecurityType.STK, brk.secType());
        assertEquals("SMART", brk.exchange());
        assertEquals("NYSE", brk.primaryExchange());
        assertEquals("", brk.currency(), "no currency given: IB answers for every currency");
    }

    @Test
    void aFutureIsAskedByRootAndMonthByLocalSymbolOrForEveryMonth() {
        IbContract month =
                LookupMapping.request(query("ESZ6", InstrumentKind.FUTURE, "CME", "2026-12"));
        assertEquals("ES", month.symbol());
        assertEquals("202612", month.lastTradeDateOrContractMonth());
        IbContract day =
                LookupMapping.request(query("ES", InstrumentKind.FUTURE, "CME", "2026-12-18"));
        assertEquals("20261218", day.lastTradeDateOrContractMonth());
        IbContract local = LookupMapping.request(query("ESZ6", InstrumentKind.FUTURE, "CME", null));
        assertEquals("", local.symbol());
        assertEquals("ESZ6", local.localSymbol());
        IbContract every = LookupMapping.request(query("ES", InstrumentKind.FUTURE, null, null));
        assertEquals("ES", every.symbol());
        assertEquals("", every.lastTradeDateOrContractMonth());
        assertEquals("", every.exchange());
    }

    @Test
    void anOptionTakesItsExpiryFromItsSymbol() {
        IbContract option =
                LookupMapping.request(
                        query("AAPL251219C00190000", InstrumentKind.OPTION, null, null));
        assertEquals("AAPL", option.symbol());
        assertEquals(SecurityType.OPT, option.secType());
        assertEquals("20251219", option.lastTradeDateOrContractMonth());
        assertEquals(new BigDecimal("190"), option.strike());
        assertEquals("C", option.right());
        assertEquals("SMART", option.exchange());
        assertThrows(
                IllegalArgumentException.class,
                () -> LookupMapping.request(query("AAPL", InstrumentKind.OPTION, null, null)));
    }

    @Test
    void aConIdIsAskedAlone() {
        IbContract byId = LookupMapping.request(ContractQuery.byConId(495512552));
        assertEquals(495512552, byId.conId());
        assertNull(byId.secType());
        assertEquals("", byId.symbol());
    }

    @Test
    void aFutureIsNamedByItsLocalSymbolWithItsLastTradingDay() {
        ContractDetails es =
                details(495512552, "ES", "FUT", "20261218", "CME", "", "ESZ6", "ES", "0.25", "50");
        ContractMatch match =
                LookupMapping.match(es, query("ES", InstrumentKind.FUTURE, "CME", "2026-12"));
        assertEquals("ESZ6", match.contract().symbol());
        assertEquals("CME", match.contract().exchange());
        assertEquals(LocalDate.of(2026, 12, 18), match.contract().expiry());
        assertEquals(new BigDecimal("0.25"), match.contract().tickSize());
        assertEquals(new BigDecimal("50"), match.details().multiplier());
    }

    @Test
    void byConIdTheKindComesFromIbsSecurityType() {
        ContractDetails option =
                details(
                        700001,
                        "AAPL",
                        "OPT",
                        "20251219",
                        "SMART",
                        "",
                        "AAPL  251219C00190000",
                        "AAPL",
                        "0.01",
                        "100");
        ContractMatch match = LookupMapping.match(option, ContractQuery.byConId(700001));
        assertEquals(InstrumentKind.OPTION, match.contract().kind());
        assertEquals("AAPL251219C00190000", match.contract().symbol());
        ContractDetails forecast =
                details(
                        700002,
                        "FF",
                        "OPT",
                        "20261216",
                        "FORECASTX",
                        "",
                        "FF 20261216 C4.25",
                        "FF",
                        "0.01",
                        "1");
        assertEquals(
                InstrumentKind.EVENT,
                LookupMapping.match(forecast, ContractQuery.byConId(700002)).contract().kind());
        ContractDetails fx =
                details(
                        12087792,
                        "EUR",
                        "CASH",
                        "",
                        "IDEALPRO",
                        "",
                        "EUR.USD",
                        "EUR.USD",
                        "0.00005",
                        "");
        IllegalArgumentException refused =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LookupMapping.match(fx, ContractQuery.byConId(12087792)));
        assertTrue(refused.getMessage().contains("is a CASH"), refused.getMessage());
    }

    @Test
    void aStockKeepsNoEmptyMultiplierAndIsListedOnItsPrimaryExchange() {
        ContractDetails brk =
                details(
                        72063691, "BRK B", "STK", "", "SMART", "NYSE", "BRK B", "BRK B", "0.01",
                        "");
        ContractMatch match =
                LookupMapping.match(brk, query("BRK.B", InstrumentKind.STOCK, null, null));
        assertEquals("BRK.B", match.contract().symbol());
        assertEquals("NYSE", match.contract().exchange());
        assertNull(match.details().multiplier());
        assertNull(match.contract().expiry());
    }

    private static ContractDetails details(
            int conId,
            String symbol,
            String secType,
            String expiry,
            String exchange,
            String primary,
            String localSymbol,
            String tradingClass,
            String minTick,
            String multiplier) {
        return new ContractDetails(
                1,
                conId,
                symbol,
                secType,
                expiry,
                "",
                null,
                "",
                exchange,
                primary,
                "USD",
                localSymbol,
                tradingClass,
                tradingClass,
                new BigDecimal(minTick),
                multiplier,
                symbol + " INC",
                "",
                "US/Eastern",
                "",
                "",
                "",
                "",
                null,
                null,
                0,
                "",
                "");
    }
}

package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentKind;

class LookupInputTest {

    private static final String NEXT_YEAR = String.valueOf(LocalDate.now().getYear() + 1);

    @Test
    void aSymbolAloneIsAStockAskedOfEveryExchangeAndCurrency() {
        ContractQuery query = new LookupInput(null, " aapl ", "", null, " ", null).toQuery();
        assertEquals(ContractQuery.bySymbol("AAPL", InstrumentKind.STOCK, null, null, null), query);
        assertEquals("AAPL stock", query.describe());
    }

    @Test
    void exchangeCurrencyAndExpiryNarrowIt() {
        ContractQuery query =
                new LookupInput("", "es", "future", "cme", "usd", NEXT_YEAR + "-12").toQuery();
        assertEquals("ES future on CME in USD expiring " + NEXT_YEAR + "-12", query.describe());
        assertEquals(YearMonth.of(Integer.parseInt(NEXT_YEAR), 12), query.expiryMonth());
        assertNull(query.expiryDay());
    }

    @Test
    void aConIdStandsAlone() {
        assertEquals(
                ContractQuery.byConId(265598),
                new LookupInput("265598", null, null, null, null, null).toQuery());
        assertEquals("conId 265598", ContractQuery.byConId(265598).describe());
    }

    @Test
    void everyMistakeIsNamed() {
        assertRefused(
                new LookupInput(null, null, null, null, null, null),
                "A symbol (or a conId) is required");
        assertRefused(
                new LookupInput("265598", "AAPL", null, null, null, null),
                "either by conId or by symbol");
        assertRefused(
                new LookupInput("-4", null, null, null, null, null), "'-4' is not a contract id");
        assertRefused(
                new LookupInput("AAPL", null, null, null, null, null),
                "'AAPL' is not a contract id");
        assertRefused(
                new LookupInput(null, "X", "bond", null, null, null),
                "'bond' is not a kind of instrument");
        assertRefused(new LookupInput(null, "X Y", null, null, null, null), "not a valid symbol");
        assertRefused(
                new LookupInput(null, "X", null, null, "dollars", null),
                "'DOLLARS' is not a currency code");
        assertRefused(
                new LookupInput(null, "X", null, "NEW YORK", null, null),
                "is not a valid exchange");
        assertRefused(
                new LookupInput(null, "X", null, null, null, NEXT_YEAR + "-01-01"),
                "A stock does not expire");
        assertRefused(
                new LookupInput(null, "X", "option", null, null, NEXT_YEAR + "-01"),
                "Only a future");
        assertRefused(
                new LookupInput(null, "X", "future", null, null, "next March"), "is not an expiry");
        assertRefused(
                new LookupInput(null, "X", "future", null, null, NEXT_YEAR + "-02-30"),
                "not a calendar date");
        assertRefused(
                new LookupInput(null, "X", "future", null, null, "2001-03"), "is in the past");
    }

    private static void assertRefused(LookupInput input, String reason) {
        InvalidInstrumentException e =
                assertThrows(InvalidInstrumentException.class, input::toQuery);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}

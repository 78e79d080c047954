package org.tickerdesk.ibkr.resolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.resolution.entity.Resolution;

class OptionTermsTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    private static ContractDetails option(
            String symbol, String right, String strike, int underConId, String underSecType) {
        return new ContractDetails(
                1,
                712345678,
                symbol,
                "OPT",
                "20261120",
                "",
                new BigDecimal(strike),
                right,
                "SMART",
                "",
                "USD",
                symbol + " 261120" + right,
                symbol,
                symbol,
                new BigDecimal("0.01"),
                "100",
                symbol,
                "202611",
                "US/Eastern",
                "",
                "",
                "",
                "",
                null,
                null,
                underConId,
                symbol,
                underSecType);
    }

    private static OptionTerms terms(boolean call, String strike) {
        return new OptionTerms(
                "AAPL", IbContract.byConId(265598, "SMART"), "STK", new BigDecimal(strike), call);
    }

    @Test
    void aCallIsWorthTheCloseAboveItsStrike() {
        Resolution r = terms(true, "180").settle(new BigDecimal("182.50"), FRIDAY);
        assertEquals(new BigDecimal("2.50"), r.settlementPrice());
        assertEquals("AAPL closed 182.50 on 2026-11-20; 180 call: 2.50", r.basis());
    }

    @Test
    void aPutIsWorthTheCloseBelowItsStrike() {
        Resolution r = terms(false, "182.5").settle(new BigDecimal("180.25"), FRIDAY);
        assertEquals(new BigDecimal("2.25"), r.settlementPrice());
        assertEquals("AAPL closed 180.25 on 2026-11-20; 182.5 put: 2.25", r.basis());
    }

    @Test
    void atTheStrikeEitherIsWorthNothing() {
        for (boolean call : new boolean[] {true, false}) {
            Resolution r = terms(call, "180.00").settle(new BigDecimal("180.00"), FRIDAY);
            assertEquals(BigDecimal.ZERO, r.settlementPrice());
            assertTrue(r.basis().endsWith("expired out of the money: 0"), r.basis());
        }
    }

    @Test
    void ibsDescriptionNamesTheUnderlyingByConId() {
        OptionTerms terms = OptionTerms.of(option("AAPL", "C", "180.0", 265598, "STK"));
        assertEquals(IbContract.byConId(265598, "SMART"), terms.underlying());
        assertEquals("AAPL", terms.underlyingName());
        assertTrue(terms.call());
        assertTrue(terms.onStock());
    }

    @Test
    void withoutAnUnderlyingConIdTheUnderlyingIsTheStockOfItsSymbol() {
        OptionTerms terms = OptionTerms.of(option("BRK B", "P", "500", 0, ""));
        assertEquals(IbContract.stock("BRK B", "SMART", "USD"), terms.underlying());
        assertEquals("BRK.B", terms.underlyingName());
        assertFalse(terms.call());
    }

    @Test
    void anIndexUnderlyingIsNotAStock() {
        assertFalse(OptionTerms.of(option("SPX", "C", "6000", 416904, "IND")).onStock());
    }

    @Test
    void aRightThatIsNeitherCallNorPutIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> OptionTerms.of(option("AAPL", "", "180", 265598, "STK")));
    }

    @Test
    void theOptionsOwnNameGivesTheRootsStock() {
        IbContract named =
                IbContract.option(
                        "AAPL", "20261120", new BigDecimal("185"), "P", "SMART", "USD", "");
        OptionTerms terms = OptionTerms.ofSymbol(named);
        assertEquals(IbContract.stock("AAPL", "SMART", "USD"), terms.underlying());
        assertEquals(new BigDecimal("185"), terms.strike());
        assertFalse(terms.call());
    }
}

package org.tickerdesk.copytrading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.tickerdesk.trading.entity.Side;

class CopyQuoteTest {

    @Test
    void aBuyExpectsTheAskASellTheBid() {
        CopyQuote quote = CopyQuote.of(100.0, 99.9, 100.1);
        assertEquals(new BigDecimal("100.1"), quote.referenceFor(Side.BUY));
        assertEquals(new BigDecimal("99.9"), quote.referenceFor(Side.SELL));
    }

    @Test
    void theLastStandsInForAMissingSide() {
        CopyQuote quote = CopyQuote.of(100.0, Double.NaN, Double.NaN);
        assertEquals(new BigDecimal("100.0"), quote.referenceFor(Side.BUY));
        assertEquals(new BigDecimal("100.0"), quote.referenceFor(Side.SELL));
    }

    @Test
    void pricesNotSentYetAreMissing() {
        // NaN, and the 0 or -1 some sources send before their first tick
        CopyQuote quote = CopyQuote.of(Double.NaN, 0, -1);
        assertNull(quote.last());
        assertNull(quote.bid());
        assertNull(quote.ask());
        assertNull(quote.referenceFor(Side.BUY));
    }

    @Test
    void aPriceGivenIsAboveZero() {
        assertThrows(
                IllegalArgumentException.class, () -> new CopyQuote(BigDecimal.ZERO, null, null));
    }
}

package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/** The compact form members pass ticks in: the quote comes back as it was, bad bytes say why. */
class QuoteWireTest {

    private static final Quote AAPL =
            new Quote(
                    "AAPL",
                    189.95,
                    190.05,
                    190.0,
                    300,
                    200,
                    10,
                    1_234_567,
                    1_764_547_200_123_456L,
                    MarketDataType.DELAYED);

    @Test
    void aQuoteComesBackEqualInSixtyEightBytesPlusItsSymbol() {
        byte[] bytes = QuoteWire.write(AAPL);

        // version 1 + type 1 + length 2 + 3 prices x 8 + 5 longs x 8 = 68, and "AAPL"
        assertEquals(72, bytes.length);
        assertEquals(AAPL, QuoteWire.read(bytes));
    }

    @Test
    void pricesNotSentYetStayNotANumberAndAUnicodeSymbolSurvives() {
        Quote quote =
                new Quote(
                        "CPI3-202612 ≥3%",
                        Double.NaN, Double.NaN, 0.42, 0, 0, 0, 0, 1, MarketDataType.LIVE);

        assertEquals(quote, QuoteWire.read(QuoteWire.write(quote)));
    }

    @Test
    void tooFewBytesAreRefusedSayingHowMany() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(new byte[10]));
        assertEquals("A quote needs at least 68 bytes, got 10", e.getMessage());
    }

    @Test
    void anotherLayoutVersionIsRefused() {
        byte[] bytes = QuoteWire.write(AAPL);
        bytes[0] = 2;

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(bytes));
        assertEquals("Quote layout version 2, this member reads 1", e.getMessage());
    }

    @Test
    void anUnknownMarketDataTypeIsRefused() {
        byte[] bytes = QuoteWire.write(AAPL);
        bytes[1] = 9;

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(bytes));
        assertEquals("Unknown market-data type 9", e.getMessage());
    }

    @Test
    void aSymbolLengthThatDoesNotMatchTheBytesIsRefused() {
        byte[] cut = Arrays.copyOf(QuoteWire.write(AAPL), 70);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(cut));
        assertEquals("A symbol of 4 bytes does not fit a quote of 70 bytes", e.getMessage());
    }

    @Test
    void aCrossedQuoteInTheBytesIsRefusedAsTheQuoteItselfRefusesIt() {
        byte[] bytes = QuoteWire.write(AAPL);
        // the bid (after the 4-byte head and the 4-byte symbol) above the ask
        java.nio.ByteBuffer.wrap(bytes).putDouble(8, 191.0);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(bytes));
        assertEquals("Crossed quote for AAPL: bid 191.0 > ask 190.05", e.getMessage());
    }
}

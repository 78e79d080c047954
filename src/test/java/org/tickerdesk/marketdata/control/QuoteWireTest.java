package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The compact form members pass ticks in: the quote comes back as it was, with the leader's term
 * and its number there; bad bytes say why.
 */
class QuoteWireTest {

    private static final String LEADER = "3f9a0c1b-7d2e-4c55-9b1a-0e2d4c6f8a10";

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

    private static final NumberedQuote TICK = new NumberedQuote(AAPL, 7, LEADER, 41);

    @Test
    void aNumberedTickComesBackEqualInEightyFourBytesPlusItsSymbol() {
        byte[] bytes = QuoteWire.write(TICK);

        // version 1 + type 1 + length 2 + term and number 2 x 8 + 3 prices x 8 + 5 longs x 8 = 84,
        // and "AAPL"
        assertEquals(88, bytes.length);
        assertEquals(TICK, QuoteWire.read(bytes, LEADER));
    }

    @Test
    void theLeaderIsWhoeverTheGridSaysPublishedTheBytes() {
        String other = "00000000-0000-0000-0000-000000000002";

        assertEquals(
                new NumberedQuote(AAPL, 7, other, 41),
                QuoteWire.read(QuoteWire.write(TICK), other));
    }

    @Test
    void theTermAndTheNumberFollowTheSymbol() {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(QuoteWire.write(TICK));

        assertEquals(7, bytes.getLong(8), "after the 4-byte head and the 4-byte symbol");
        assertEquals(41, bytes.getLong(16));
    }

    @Test
    void pricesNotSentYetStayNotANumberAndAUnicodeSymbolSurvives() {
        Quote quote =
                new Quote(
                        "CPI3-202612 ≥3%",
                        Double.NaN, Double.NaN, 0.42, 0, 0, 0, 0, 1, MarketDataType.LIVE);

        NumberedQuote tick = new NumberedQuote(quote, 1, LEADER, 1);

        assertEquals(tick, QuoteWire.read(QuoteWire.write(tick), LEADER));
    }

    @Test
    void tooFewBytesAreRefusedSayingHowMany() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> QuoteWire.read(new byte[10], LEADER));
        assertEquals("A quote needs at least 84 bytes, got 10", e.getMessage());
    }

    @Test
    void anotherLayoutVersionIsRefused() {
        byte[] bytes = QuoteWire.write(TICK);
        bytes[0] = 1;

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(bytes, LEADER));
        assertEquals("Quote layout version 1, this member reads 2", e.getMessage());
    }

    @Test
    void anUnknownMarketDataTypeIsRefused() {
        byte[] bytes = QuoteWire.write(TICK);
        bytes[1] = 9;

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(bytes, LEADER));
        assertEquals("Unknown market-data type 9", e.getMessage());
    }

    @Test
    void aSymbolLengthThatDoesNotMatchTheBytesIsRefused() {
        byte[] cut = Arrays.copyOf(QuoteWire.write(TICK), 86);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(cut, LEADER));
        assertEquals("A symbol of 4 bytes does not fit a quote of 86 bytes", e.getMessage());
    }

    @Test
    void aTickNumberBelowOneInTheBytesIsRefused() {
        byte[] bytes = QuoteWire.write(TICK);
        java.nio.ByteBuffer.wrap(bytes).putLong(16, 0);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(bytes, LEADER));
        assertEquals("A tick's number in its term counts from 1, not 0", e.getMessage());
    }

    @Test
    void aCrossedQuoteInTheBytesIsRefusedAsTheQuoteItselfRefusesIt() {
        byte[] bytes = QuoteWire.write(TICK);
        // the bid (after the 4-byte head, the 4-byte symbol, the term and the number) above the ask
        java.nio.ByteBuffer.wrap(bytes).putDouble(24, 191.0);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QuoteWire.read(bytes, LEADER));
        assertEquals("Crossed quote for AAPL: bid 191.0 > ask 190.05", e.getMessage());
    }
}

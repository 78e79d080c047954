package org.tickerdesk.marketdata.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void aCrossedQuoteIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Quote("AAPL", 101, 100, 100.5, 1, 1, 1, 1, 0, MarketDataType.LIVE));
    }

    @Test
    void aMissingSideIsNaNAndAllowed() {
        assertDoesNotThrow(
                () ->
                        new Quote(
                                "AAPL",
                                Double.NaN,
                                100,
                                Double.NaN,
                                0,
                                1,
                                0,
                                0,
                                0,
                                MarketDataType.DELAYED));
    }

    @Test
    void negativeSizesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Quote("AAPL", 99, 100, 100, -1, 1, 1, 1, 0, MarketDataType.LIVE));
    }

    @Test
    void theStreamedTimestampIsMillisecondsWithMicrosecondsAsFraction() {
        Quote quote =
                new Quote(
                        "AAPL",
                        99,
                        100,
                        100,
                        1,
                        1,
                        1,
                        1,
                        1_700_000_000_123_456L,
                        MarketDataType.LIVE);
        assertEquals(1_700_000_000_123.456, quote.timestampMillis(), 1e-6);
    }
}

package org.tickerdesk.streaming.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamNameTest {

    @Test
    void aQuoteStreamNamesItsSymbol() {
        StreamName name = StreamName.parse("quotes:BRK.B");

        assertEquals(StreamKind.QUOTES, name.kind());
        assertEquals("BRK.B", name.symbol());
        assertEquals("quotes:BRK.B", name.text());
        assertFalse(name.everySymbol());
    }

    @Test
    void aStarStandsForEverySymbol() {
        assertTrue(StreamName.parse("quotes:*").everySymbol());
        assertTrue(StreamName.parse("candles:*:1m").everySymbol());
    }

    @Test
    void candlesAndIndicatorsCarryTheirQualifiers() {
        assertEquals(List.of("1m"), StreamName.parse("candles:AAPL:1m").qualifiers());
        assertEquals(
                List.of("rsi14", "5m"), StreamName.parse("indicators:AAPL:rsi14:5m").qualifiers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs", "positions", "orders", "notifications", "traders", "status"})
    void privateStreamsHaveNoSymbol(String text) {
        StreamName name = StreamName.parse(text);

        assertTrue(name.kind().isPrivate());
        assertNull(name.symbol());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "quotes",
                "quotes:",
                "quotes:aapl",
                "quotes:AAPL:1m",
                "candles:AAPL",
                "candles:AAPL:",
                "indicators:AAPL:1m",
                "candles:AAPL:1 m",
                "jobs:AAPL",
                "quotes:**",
                "news:AAPL:x"
            })
    void aNameNotWrittenAsItsKindRequiresIsABadRequest(String text) {
        ProtocolViolationException error =
                assertThrows(ProtocolViolationException.class, () -> StreamName.parse(text));

        assertEquals(ErrorCode.BAD_REQUEST, error.code());
        assertTrue(error.getMessage().contains(text), error.getMessage());
    }

    @Test
    void theMessageShowsHowTheKindIsWritten() {
        ProtocolViolationException error =
                assertThrows(
                        ProtocolViolationException.class, () -> StreamName.parse("candles:AAPL"));

        assertEquals(
                "'candles:AAPL' is not a stream name: write candles:<SYM>:<interval>",
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bars:AAPL", "QUOTES:AAPL", "AAPL"})
    void aKindTheProtocolDoesNotNameIsAnUnknownStream(String text) {
        ProtocolViolationException error =
                assertThrows(ProtocolViolationException.class, () -> StreamName.parse(text));

        assertEquals(ErrorCode.UNKNOWN_STREAM, error.code());
        assertTrue(
                error.getMessage().contains("quotes, trades, candles, indicators, news"),
                error.getMessage());
    }

    @Test
    void aNameLongerThanTheLimitIsABadRequest() {
        ProtocolViolationException error =
                assertThrows(
                        ProtocolViolationException.class,
                        () -> StreamName.parse("quotes:" + "A".repeat(StreamName.MAX_LENGTH)));

        assertEquals(ErrorCode.BAD_REQUEST, error.code());
    }
}

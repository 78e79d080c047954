package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

class QuoteFramesTest {

    private static JsonObject written(Quote quote) {
        return FakeClient.parse(
                QuoteFrames.write(QuoteFrames.QUOTE, "quotes:" + quote.symbol(), quote, "e1", 7));
    }

    @Test
    void aQuoteMessageParsesBackWithEveryField() {
        Quote quote =
                new Quote(
                        "BRK.B",
                        412.5,
                        412.75,
                        412.6,
                        300,
                        200,
                        15,
                        1_234_567,
                        1_700_000_000_123_456L,
                        MarketDataType.DELAYED_FROZEN);

        JsonObject message = written(quote);

        assertEquals("quote", message.getString("type"));
        assertEquals("quotes:BRK.B", message.getString("stream"));
        assertEquals("e1", message.getString("epoch"));
        assertEquals(7, message.getJsonNumber("offset").longValueExact());
        JsonObject data = message.getJsonObject("data");
        assertEquals("BRK.B", data.getString("symbol"));
        assertEquals(412.5, data.getJsonNumber("bid").doubleValue());
        assertEquals(412.75, data.getJsonNumber("ask").doubleValue());
        assertEquals(412.6, data.getJsonNumber("last").doubleValue());
        assertEquals(300, data.getJsonNumber("bidSize").longValueExact());
        assertEquals(200, data.getJsonNumber("askSize").longValueExact());
        assertEquals(15, data.getJsonNumber("lastSize").longValueExact());
        assertEquals(1_234_567, data.getJsonNumber("volume").longValueExact());
        assertEquals("DELAYED_FROZEN", data.getString("marketDataType"));
        assertEquals(9, data.size());
    }

    @Test
    void missingPricesAreNullNeverNaN() {
        Quote quote =
                new Quote(
                        "AAPL",
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        0,
                        0,
                        0,
                        0,
                        1_000,
                        MarketDataType.LIVE);

        String text = QuoteFrames.write(QuoteFrames.QUOTE, "quotes:AAPL", quote, "e1", 1);
        JsonObject data = FakeClient.parse(text).getJsonObject("data");

        assertFalse(text.contains("NaN"), text);
        assertEquals(JsonValue.NULL, data.get("bid"));
        assertEquals(JsonValue.NULL, data.get("ask"));
        assertEquals(JsonValue.NULL, data.get("last"));
    }

    @Test
    void infinitePricesAreNullToo() {
        Quote quote =
                new Quote(
                        "AAPL",
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        0,
                        0,
                        0,
                        0,
                        1_000,
                        MarketDataType.LIVE);

        JsonObject data = written(quote).getJsonObject("data");

        assertEquals(JsonValue.NULL, data.get("ask"));
        assertEquals(JsonValue.NULL, data.get("last"));
    }

    @Test
    void extremePricesStayValidJson() {
        Quote quote = new Quote("AAPL", 1e-7, 1.5e21, -0.0, 0, 0, 0, 0, 1_000, MarketDataType.LIVE);

        JsonObject data = written(quote).getJsonObject("data");

        assertEquals(1e-7, data.getJsonNumber("bid").doubleValue());
        assertEquals(1.5e21, data.getJsonNumber("ask").doubleValue());
        assertEquals(0.0, data.getJsonNumber("last").doubleValue());
    }

    @Test
    void tsIsEpochMillisWithTheMicrosecondsAsAnExactFraction() {
        assertEquals(new BigDecimal("1700000000123.456"), ts(1_700_000_000_123_456L));
        assertEquals(new BigDecimal("1700000000123.4"), ts(1_700_000_000_123_400L));
        assertEquals(new BigDecimal("1700000000123.05"), ts(1_700_000_000_123_050L));
        assertEquals(new BigDecimal("1700000000123.007"), ts(1_700_000_000_123_007L));
        assertEquals(new BigDecimal("1700000000123"), ts(1_700_000_000_123_000L));
        assertEquals(new BigDecimal("0.001"), ts(1));
        assertEquals(new BigDecimal("-1.5"), ts(-1_500));
    }

    private static BigDecimal ts(long micros) {
        Quote quote = new Quote("AAPL", 1, 2, 1.5, 0, 0, 0, 0, micros, MarketDataType.LIVE);
        return written(quote).getJsonNumber("ts").bigDecimalValue();
    }

    @Test
    void stringsAreEscapedSoAnyTextParsesBack() {
        String awkward = "q\"b\\s/\n\r\t\b\f\u0000\u001f\u007f é € \uD83D\uDE00 \u2028";
        StringBuilder json = new StringBuilder();

        QuoteFrames.string(json, awkward);

        assertEquals(awkward, FakeClient.parse("{\"s\":" + json + "}").getString("s"));
    }
}

package org.tickerdesk.streaming.control;

import java.math.BigDecimal;
import java.util.function.Predicate;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Writes the JSON text of a quote message by hand: it runs once for every tick, so it avoids
 * JSON-P's builders and writes straight into one buffer. A price the source has not sent ({@code
 * NaN}, or an infinity) is written as {@code null}, since JSON has no NaN. A snapshot's data also
 * says whether the quote is {@code stale}, since a snapshot may repeat a quote from long ago; a
 * data message is a tick that just happened, so it spends no work nor bytes on saying so.
 */
final class QuoteFrames {

    static final String QUOTE = "quote";
    static final String SNAPSHOT = "snapshot";

    private QuoteFrames() {}

    /** Quote messages as they are sent, snapshots marked stale as the predicate judges. */
    static StreamFrames<Quote> judgingSnapshots(Predicate<Quote> stale) {
        return (type, stream, quote, epoch, offset) ->
                write(
                        type,
                        stream,
                        quote,
                        epoch,
                        offset,
                        SNAPSHOT.equals(type) ? stale.test(quote) : null);
    }

    /** A message of the given type ({@value #QUOTE} or {@value #SNAPSHOT}) carrying one quote. */
    static String write(String type, String stream, Quote quote, String epoch, long offset) {
        return write(type, stream, quote, epoch, offset, null);
    }

    /**
     * @param stale whether to say the quote is stale, {@code null} to leave it unsaid
     */
    static String write(
            String type, String stream, Quote quote, String epoch, long offset, Boolean stale) {
        StringBuilder json = new StringBuilder(320);
        json.append("{\"type\":");
        string(json, type);
        json.append(",\"stream\":");
        string(json, stream);
        json.append(",\"data\":{\"symbol\":");
        string(json, quote.symbol());
        json.append(",\"bid\":");
        price(json, quote.bid());
        json.append(",\"ask\":");
        price(json, quote.ask());
        json.append(",\"last\":");
        price(json, quote.last());
        json.append(",\"bidSize\":").append(quote.bidSize());
        json.append(",\"askSize\":").append(quote.askSize());
        json.append(",\"lastSize\":").append(quote.lastSize());
        json.append(",\"volume\":").append(quote.volume());
        json.append(",\"marketDataType\":");
        string(json, quote.type().name());
        if (stale != null) {
            json.append(",\"stale\":").append(stale.booleanValue());
        }
        json.append("},\"epoch\":");
        string(json, epoch);
        json.append(",\"offset\":").append(offset);
        json.append(",\"ts\":");
        millis(json, quote.timestampMicros());
        return json.append('}').toString();
    }

    private static void price(StringBuilder json, double price) {
        if (Double.isFinite(price)) {
            json.append(price);
        } else {
            json.append("null");
        }
    }

    /**
     * Epoch microseconds as milliseconds with up to three decimals, exactly (a double would round).
     */
    static void millis(StringBuilder json, long micros) {
        if (micros < 0) {
            json.append(BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString());
            return;
        }
        json.append(micros / 1000);
        int fraction = (int) (micros % 1000);
        if (fraction != 0) {
            json.append('.').append((char) ('0' + fraction / 100));
            fraction %= 100;
            if (fraction != 0) {
                json.append((char) ('0' + fraction / 10));
                fraction %= 10;
                if (fraction != 0) {
                    json.append((char) ('0' + fraction));
                }
            }
        }
    }

    /** A JSON string literal; escapes what RFC 8259 requires, so any text stays valid JSON. */
    static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}

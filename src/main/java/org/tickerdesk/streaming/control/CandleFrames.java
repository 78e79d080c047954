package org.tickerdesk.streaming.control;

import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.IndicatorValue;

/**
 * Writes candle and indicator messages by hand, as {@link QuoteFrames} does: they change with every
 * trade. A candle's {@code ts} is the source time of its last trade; an indicator's is the start of
 * the candle it was computed at, the only time it has.
 */
final class CandleFrames {

    static final String CANDLE = "candle";
    static final String INDICATOR = "indicator";

    private CandleFrames() {}

    static String candle(String type, String stream, Candle candle, String epoch, long offset) {
        StringBuilder json = new StringBuilder(256);
        head(json, type, stream);
        json.append("{\"symbol\":");
        QuoteFrames.string(json, candle.symbol());
        json.append(",\"interval\":");
        QuoteFrames.string(json, candle.interval().label());
        json.append(",\"t\":").append(candle.start().toEpochMilli());
        json.append(",\"o\":").append(candle.open());
        json.append(",\"h\":").append(candle.high());
        json.append(",\"l\":").append(candle.low());
        json.append(",\"c\":").append(candle.close());
        json.append(",\"v\":").append(candle.volume());
        json.append(",\"n\":").append(candle.trades());
        json.append(",\"closed\":").append(candle.closed());
        json.append('}');
        return tail(json, epoch, offset, candle.lastTradeMicros());
    }

    static String indicator(
            String type, String stream, IndicatorValue value, String epoch, long offset) {
        StringBuilder json = new StringBuilder(256);
        head(json, type, stream);
        json.append("{\"symbol\":");
        QuoteFrames.string(json, value.symbol());
        json.append(",\"interval\":");
        QuoteFrames.string(json, value.interval().label());
        json.append(",\"name\":");
        QuoteFrames.string(json, value.spec().name());
        json.append(",\"t\":").append(value.time().toEpochMilli());
        json.append(",\"closed\":").append(value.closed());
        json.append(",\"values\":{");
        for (int i = 0; i < value.values().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            QuoteFrames.string(json, value.spec().type().components().get(i));
            double component = value.values().get(i);
            json.append(':');
            if (Double.isFinite(component)) {
                json.append(component);
            } else {
                json.append("null");
            }
        }
        json.append("}}");
        return tail(json, epoch, offset, value.time().toEpochMilli() * 1_000);
    }

    private static void head(StringBuilder json, String type, String stream) {
        json.append("{\"type\":");
        QuoteFrames.string(json, type);
        json.append(",\"stream\":");
        QuoteFrames.string(json, stream);
        json.append(",\"data\":");
    }

    private static String tail(StringBuilder json, String epoch, long offset, long micros) {
        json.append(",\"epoch\":");
        QuoteFrames.string(json, epoch);
        json.append(",\"offset\":").append(offset);
        json.append(",\"ts\":");
        QuoteFrames.millis(json, micros);
        return json.append('}').toString();
    }
}

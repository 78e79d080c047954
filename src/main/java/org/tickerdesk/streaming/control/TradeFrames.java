package org.tickerdesk.streaming.control;

import org.tickerdesk.streaming.entity.Trade;

/** Writes a trade message by hand, as {@link QuoteFrames} does: trades come with the ticks. */
final class TradeFrames {

    static final String TRADE = "trade";

    private TradeFrames() {}

    static String write(String type, String stream, Trade trade, String epoch, long offset) {
        StringBuilder json = new StringBuilder(200);
        json.append("{\"type\":");
        QuoteFrames.string(json, type);
        json.append(",\"stream\":");
        QuoteFrames.string(json, stream);
        json.append(",\"data\":{\"symbol\":");
        QuoteFrames.string(json, trade.symbol());
        json.append(",\"price\":").append(trade.price());
        json.append(",\"size\":").append(trade.size());
        json.append(",\"volume\":").append(trade.volume());
        json.append("},\"epoch\":");
        QuoteFrames.string(json, epoch);
        json.append(",\"offset\":").append(offset);
        json.append(",\"ts\":");
        QuoteFrames.millis(json, trade.timestampMicros());
        return json.append('}').toString();
    }
}

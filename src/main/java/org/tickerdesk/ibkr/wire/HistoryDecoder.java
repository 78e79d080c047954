package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.history.CorruptHistoricalData;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBars;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalDataEnd;

/**
 * historicalData and historicalDataEnd. Before server version 196 one historicalData message
 * carries the window's start and end and is itself the end marker; from 196 the end comes as its
 * own message (108). Either way the caller sees bars, then a {@link HistoricalDataEnd}. A message
 * whose request id reads but whose bars do not becomes a {@link CorruptHistoricalData} for that
 * request: dropped instead, its bars would be missing from a window that the end marker then calls
 * complete.
 */
final class HistoryDecoder {

    /** date, open, high, low, close, volume, WAP, bar count. */
    private static final int FIELDS_PER_BAR = 8;

    private HistoryDecoder() {}

    static List<IncomingMessage> historicalData(int v, FieldReader in)
            throws MalformedMessageException {
        int reqId = in.integer("reqId");
        try {
            return bars(v, reqId, in);
        } catch (MalformedMessageException e) {
            in.skipRemaining();
            return List.of(new CorruptHistoricalData(reqId, e.getMessage()));
        }
    }

    private static List<IncomingMessage> bars(int v, int reqId, FieldReader in)
            throws MalformedMessageException {
        String start = "";
        String end = "";
        if (v < ServerVersions.HISTORICAL_DATA_END) {
            start = in.string("startDateStr");
            end = in.string("endDateStr");
        }
        int count = in.integer("itemCount");
        if (count < 0 || (long) count * FIELDS_PER_BAR > in.remaining()) {
            throw new MalformedMessageException(
                    "historicalData announces "
                            + count
                            + " bars but carries "
                            + in.remaining()
                            + " fields");
        }
        List<HistoricalBar> bars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String time = in.string("date");
            BigDecimal open = in.decimal("open");
            BigDecimal high = in.decimal("high");
            BigDecimal low = in.decimal("low");
            BigDecimal close = in.decimal("close");
            BigDecimal volume = noneIfNegative(in.optionalSize("volume"));
            BigDecimal wap = noneIfNegative(in.optionalSize("WAP"));
            int barCount = in.integer("barCount");
            try {
                bars.add(new HistoricalBar(time, open, high, low, close, volume, wap, barCount));
            } catch (IllegalArgumentException e) {
                throw new MalformedMessageException(
                        "historicalData bar " + i + ": " + e.getMessage());
            }
        }
        List<IncomingMessage> messages = new ArrayList<>(2);
        messages.add(new HistoricalBars(reqId, bars));
        if (v < ServerVersions.HISTORICAL_DATA_END) {
            messages.add(new HistoricalDataEnd(reqId, start, end));
        }
        return messages;
    }

    static IncomingMessage historicalDataEnd(FieldReader in) throws MalformedMessageException {
        return new HistoricalDataEnd(
                in.integer("reqId"), in.string("startDateStr"), in.string("endDateStr"));
    }

    /** IB marks "no volume / no WAP" (MIDPOINT, BID, ASK series) as -1. */
    private static BigDecimal noneIfNegative(BigDecimal value) {
        return value == null || value.signum() < 0 ? null : value;
    }
}

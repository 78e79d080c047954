package org.tickerdesk.ibkr.wire.messages.history;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One historical bar. {@code time} is as IB sent it: "yyyyMMdd" for bars of a day or longer with
 * either formatDate (IB has no other form for them), and for shorter bars "yyyyMMdd HH:mm:ss
 * [zone]" with formatDate 1 or epoch seconds with formatDate 2; {@code BarTimes} reads all of them.
 * Volume and WAP are null where IB has none (-1 or unset, e.g. for MIDPOINT); the bar count is -1
 * then.
 */
public record HistoricalBar(
        String time,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        BigDecimal wap,
        int barCount) {

    public HistoricalBar {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException(
                    "Bar at " + time + " has high " + high + " below low " + low);
        }
    }
}

package org.tickerdesk.ibkr.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One historical bar. {@code time} is as IB sent it: "yyyyMMdd" for daily bars, "yyyyMMdd HH:mm:ss
 * [zone]" for intraday bars with formatDate 1, epoch seconds with formatDate 2. Volume and WAP are
 * null where IB has none (-1 or unset, e.g. for MIDPOINT).
 */
public record HistoricalBar(String time, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                            BigDecimal volume, BigDecimal wap, int barCount) {

    public HistoricalBar {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("Bar at " + time + " has high " + high + " below low " + low);
        }
    }
}

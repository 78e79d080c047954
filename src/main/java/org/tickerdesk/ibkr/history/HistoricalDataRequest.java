package org.tickerdesk.ibkr.history;

import java.util.Objects;
import java.util.regex.Pattern;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.wire.messages.IbContract;

/**
 * One window of history to fetch: the contract, where the window ends ("" for now, or "yyyyMMdd
 * HH:mm:ss" with a zone or as yyyyMMdd-HH:mm:ss in UTC), how far back, the bar size, the series,
 * regular hours only or not, and the date format of the bars (1 text, 2 epoch seconds).
 * Keep-up-to-date streaming is not offered: every request is a finite window.
 */
public record HistoricalDataRequest(
        IbContract contract,
        String endDateTime,
        Lookback duration,
        BarSize barSize,
        WhatToShow whatToShow,
        boolean useRth,
        int formatDate) {

    private static final Pattern END =
            Pattern.compile("|\\d{8} \\d{2}:\\d{2}:\\d{2}( \\S+)?|\\d{8}-\\d{2}:\\d{2}:\\d{2}");

    public HistoricalDataRequest {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(whatToShow, "whatToShow");
        endDateTime = endDateTime == null ? "" : endDateTime;
        if (!END.matcher(endDateTime).matches()) {
            throw new IllegalArgumentException(
                    "End '"
                            + endDateTime
                            + "' must be empty, 'yyyyMMdd HH:mm:ss [zone]'"
                            + " or 'yyyyMMdd-HH:mm:ss' (UTC)");
        }
        if (formatDate != 1 && formatDate != 2) {
            throw new IllegalArgumentException("formatDate must be 1 (text) or 2 (epoch seconds)");
        }
    }
}

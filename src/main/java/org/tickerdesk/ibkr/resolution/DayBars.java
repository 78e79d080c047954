package org.tickerdesk.ibkr.resolution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.history.BarTimes;
import org.tickerdesk.ibkr.history.HistoricalDataRequest;
import org.tickerdesk.ibkr.history.Lookback;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;

/**
 * The daily TRADES bar of one trading day: how it is asked for, and finding it among the bars IB
 * answers with. IB dates a daily bar by its trading day ("yyyyMMdd", {@link BarTimes}), so the bar
 * of the day is the one bearing that date, and no other: the day before is never taken for it.
 *
 * <p>The request ends at 00:00 UTC after the day and reaches back five days, so the day's bar is
 * among the answer wherever the exchange is (every session of a day ends by then, the Americas'
 * last at about 22:00 UTC). Before that moment the day may still be trading and its bar has no
 * close yet, so it is not asked for at all ({@link #closed}).
 */
final class DayBars {

    private static final Lookback REACH_BACK = new Lookback(5, Lookback.Unit.D);
    private static final int EPOCH_SECONDS = 2;
    private static final DateTimeFormatter END =
            DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private DayBars() {}

    /** True once every session of the day has ended, so its daily bar is final. */
    static boolean closed(LocalDate day, Instant now) {
        return !now.isBefore(end(day));
    }

    /**
     * The daily TRADES bars up to the end of the day; {@code regularHoursOnly} for a stock, whose
     * close is that of the regular session, not the last trade after hours.
     */
    static HistoricalDataRequest request(
            IbContract contract, LocalDate day, boolean regularHoursOnly) {
        return new HistoricalDataRequest(
                contract,
                END.format(end(day)),
                REACH_BACK,
                BarSize.DAY_1,
                WhatToShow.TRADES,
                regularHoursOnly,
                EPOCH_SECONDS);
    }

    /** The bar dated the day, if IB sent one; bars whose time cannot be read are not it. */
    static Optional<HistoricalBar> of(List<HistoricalBar> bars, LocalDate day) {
        return bars.stream().filter(bar -> day.equals(dateOf(bar))).findFirst();
    }

    private static LocalDate dateOf(HistoricalBar bar) {
        try {
            return BarTimes.start(bar.time()).atZone(ZoneOffset.UTC).toLocalDate();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

package org.tickerdesk.analytics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.history.control.BarStore;
import org.tickerdesk.history.entity.CandleQuery;
import org.tickerdesk.history.entity.StoredCandles;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * Candles for a chart as one series: stored bars up to where the live candles begin, then the live
 * ones, the forming candle last. A stored bar of a period the live candles cover gives way to the
 * live one. Intervals without live candles (anything but 1m, 5m, 15m, 1h, 1d), and ranges that end
 * before the live candles begin, are stored bars alone, as before there were live ones.
 *
 * <p>The series is the live candles' (TRADES, or MIDPOINT for what never trades); without live
 * candles it is TRADES, or MIDPOINT for an instrument with no TRADES bars of the interval stored.
 */
@ApplicationScoped
public class ChartCandles {

    /** The stored part and the live part, each oldest first, and the series they are. */
    public record Chart(WhatToShow series, StoredCandles stored, List<Candle> live) {}

    @Inject LiveAnalytics analytics;

    @Inject BarStore store;

    public Chart read(long instrument, CandleQuery query) {
        List<Candle> kept =
                CandleAggregator.INTERVALS.contains(query.interval())
                        ? analytics.candles(query.symbol(), query.interval())
                        : List.of();
        if (kept.isEmpty()) {
            return storedOnly(instrument, query);
        }
        WhatToShow series = analytics.liveSeries(query.symbol()).orElse(WhatToShow.TRADES);
        Instant storedTo = earlier(query.to(), kept.get(0).start());
        List<Candle> live = kept.stream().filter(c -> inRange(c.start(), query)).toList();
        if (query.latest()) {
            List<Candle> last = live.subList(Math.max(0, live.size() - query.limit()), live.size());
            int room = query.limit() - last.size();
            StoredCandles stored =
                    room == 0
                            ? StoredCandles.NONE
                            : store.candles(
                                    instrument,
                                    query.interval(),
                                    series,
                                    null,
                                    storedTo,
                                    room,
                                    true);
            return new Chart(series, stored, last);
        }
        StoredCandles stored =
                query.from().isBefore(storedTo)
                        ? read(instrument, query, series, query.from(), storedTo)
                        : StoredCandles.NONE;
        int room = query.limit() - stored.count();
        return new Chart(series, stored, live.subList(0, Math.min(room, live.size())));
    }

    /** The TRADES bars; MIDPOINT ones only when no TRADES bar of the interval is stored at all. */
    private Chart storedOnly(long instrument, CandleQuery query) {
        StoredCandles trades = read(instrument, query, WhatToShow.TRADES, query.from(), query.to());
        if (trades.isEmpty()
                && store.lastStart(instrument, query.interval(), WhatToShow.TRADES).isEmpty()) {
            return new Chart(
                    WhatToShow.MIDPOINT,
                    read(instrument, query, WhatToShow.MIDPOINT, query.from(), query.to()),
                    List.of());
        }
        return new Chart(WhatToShow.TRADES, trades, List.of());
    }

    private StoredCandles read(
            long instrument, CandleQuery query, WhatToShow series, Instant from, Instant to) {
        return store.candles(
                instrument,
                query.interval(),
                series,
                query.latest() ? null : from,
                to,
                query.limit(),
                query.latest());
    }

    private static boolean inRange(Instant start, CandleQuery query) {
        return (query.from() == null || !start.isBefore(query.from()))
                && (query.to() == null || start.isBefore(query.to()));
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}

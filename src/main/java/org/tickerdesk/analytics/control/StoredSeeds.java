package org.tickerdesk.analytics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.history.control.BarStore;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;

/**
 * The stored bars an indicator series starts from, so its values are right from the first live
 * candle: the latest ones before the live candles begin, of the series the live candles are made of
 * (TRADES, or MIDPOINT for what never trades); without live candles yet, TRADES, or MIDPOINT when
 * no TRADES bars are stored, as the candles endpoint chooses.
 */
@ApplicationScoped
public class StoredSeeds {

    @Inject InstrumentCatalog catalog;

    @Inject BarStore store;

    /** Oldest first; none for a symbol the catalog does not know. */
    public List<Bar> before(
            String symbol,
            BarSize interval,
            Optional<WhatToShow> live,
            Instant liveStart,
            int limit) {
        Optional<Long> instrument = catalog.find(symbol).map(i -> i.id());
        if (instrument.isEmpty()) {
            return List.of();
        }
        long id = instrument.get();
        WhatToShow series = live.orElse(WhatToShow.TRADES);
        List<StoredBar> bars = store.latest(id, interval, series, null, liveStart, limit);
        if (bars.isEmpty() && live.isEmpty()) {
            bars = store.latest(id, interval, WhatToShow.MIDPOINT, null, liveStart, limit);
        }
        return bars.stream().map(StoredBar::bar).toList();
    }
}

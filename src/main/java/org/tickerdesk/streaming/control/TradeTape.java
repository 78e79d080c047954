package org.tickerdesk.streaming.control;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.streaming.entity.Trade;

/**
 * Tells the trades from the quotes: a quote carries a new trade when the day's volume grew since
 * the symbol's previous quote and it has a last price and size. A quote that only moves the bid or
 * the ask leaves the volume as it was. The first quote of a symbol in a server run only sets where
 * its volume stands; a volume that falls (a new trading day) starts it again.
 */
final class TradeTape {

    private final ConcurrentMap<String, Long> volumes = new ConcurrentHashMap<>();

    Optional<Trade> tradeIn(Quote quote) {
        Long before = volumes.put(quote.symbol(), quote.volume());
        if (before == null
                || quote.volume() <= before
                || quote.lastSize() <= 0
                || quote.lastSize() > quote.volume()
                || !Double.isFinite(quote.last())) {
            return Optional.empty();
        }
        return Optional.of(
                new Trade(
                        quote.symbol(),
                        quote.last(),
                        quote.lastSize(),
                        quote.volume(),
                        quote.timestampMicros()));
    }
}

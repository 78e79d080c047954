package org.tickerdesk.analytics.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.analytics.entity.Trade;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Tells which quotes are trades. A quote is a whole picture of its symbol after any tick, so most
 * are not trades: the simulated market moves bid and ask on every tick and trades on some, and IB
 * sends the last price, the last size and the day's volume as separate ticks, repeats the last
 * price with the last-trade time, and under load its quotes are conflated per symbol.
 *
 * <p>So a trade is a quote whose day volume grew: its price is the quote's last, its size the
 * growth. Counting the growth rather than the last size keeps the volume right when quotes were
 * conflated or several trades came between two quotes, and a repeated last price is not counted
 * twice. The first quote of a symbol only sets where its volume stands; a volume that shrinks (a
 * new trading day at the source) starts again from there. An instrument that never trades (FX: last
 * is NaN) gives its midpoint, size zero, on every quote with both sides; one that trades but
 * reports no volume at all (an index) gives each new last price, size zero. Not thread-safe: one
 * thread reads the quotes.
 */
public final class TradeDetector {

    private record Seen(long volume, double last) {}

    private final Map<String, Seen> seen = new HashMap<>();

    public Optional<Trade> read(Quote quote) {
        Seen before = seen.put(quote.symbol(), new Seen(quote.volume(), quote.last()));
        if (Double.isNaN(quote.last())) {
            return midpoint(quote);
        }
        if (before == null || !(quote.last() > 0)) {
            return Optional.empty();
        }
        if (quote.volume() > before.volume()) {
            return Optional.of(trade(quote, quote.volume() - before.volume()));
        }
        if (quote.volume() == 0 && quote.last() != before.last()) {
            return Optional.of(trade(quote, 0));
        }
        return Optional.empty();
    }

    /** Forgets a symbol, so that its next quote only sets where its volume stands. */
    public void forget(String symbol) {
        seen.remove(symbol);
    }

    private static Trade trade(Quote quote, long size) {
        return new Trade(quote.symbol(), quote.last(), size, quote.timestampMicros(), false);
    }

    private static Optional<Trade> midpoint(Quote quote) {
        if (!(quote.bid() > 0) || !(quote.ask() > 0)) {
            return Optional.empty();
        }
        double mid = (quote.bid() + quote.ask()) / 2;
        return Optional.of(new Trade(quote.symbol(), mid, 0, quote.timestampMicros(), true));
    }
}

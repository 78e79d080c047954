package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The {@code simulated} feed: every enabled trader whose feed is {@code simulated} is a {@link
 * SimulatedLeader} seeded from the market's seed and the trader's id, trading the stocks of the
 * watchlist (the simulated market's symbols, by symbol) at the quotes the market publishes. Each
 * {@link #poll} delivers the slots that started since the trader's last handled slot, which is
 * remembered in memory only: at the first poll after a restart a trader resumes at the slot of its
 * newest intake entry of this feed (at most {@value #CATCH_UP_SLOTS} slots back), delivering that
 * slot again, which the intake answers as it stands. A trader followed afresh (new, enabled again,
 * or without an entry) starts with the current slot, and closes of lots opened before it are not
 * delivered: their opens never were, and a close alone would read as a new position the other way.
 * A slot with a symbol that has no fresh quote is tried again at the next poll, until it is more
 * than {@value #CATCH_UP_SLOTS} slots old.
 *
 * <p>The leaders trade only the simulated market: with market data from elsewhere the feed is
 * unavailable and says so. Changing the watchlist changes which symbol a later slot draws.
 */
final class SimulatedFeed implements TradeFeed {

    static final String NAME = "simulated";

    /** The farthest back a poll reaches: a restart or a quote gap longer than this is skipped. */
    static final int CATCH_UP_SLOTS = 60;

    /** The leaders' portfolio, for traders sized by share of it. */
    static final BigDecimal PORTFOLIO = BigDecimal.valueOf(100_000);

    private static final Logger LOG = Logger.getLogger(SimulatedFeed.class.getName());

    private final long seed;
    private final Duration slot;
    private final Upstream upstream;
    private final Function<String, Optional<Quote>> quotes;
    private final Supplier<List<Contract>> watchlist;
    private final Clock clock;

    /** The last slot handled, by trader id. */
    private final Map<Long, Long> handled = new ConcurrentHashMap<>();

    /**
     * The first slot delivered to a trader followed afresh, by trader id: closes of lots opened
     * before it are not delivered, since their opens never were.
     */
    private final Map<Long, Long> since = new ConcurrentHashMap<>();

    /** Whether a poll ran on this instance: only the first resumes from the intake. */
    private volatile boolean polled;

    private volatile TradeSink sink;

    SimulatedFeed(
            long seed,
            Duration slot,
            Upstream upstream,
            Function<String, Optional<Quote>> quotes,
            Supplier<List<Contract>> watchlist,
            Clock clock) {
        this.seed = seed;
        this.slot = Objects.requireNonNull(slot, "slot");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.watchlist = Objects.requireNonNull(watchlist, "watchlist");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailable() {
        if (upstream.source() != SourceName.SIMULATED) {
            return Optional.of(
                    "simulated leaders trade only the simulated market, and the market data here"
                            + " come from "
                            + upstream.source().setting()
                            + " (TICKERDESK_SOURCE)");
        }
        return Optional.empty();
    }

    @Override
    public void start(TradeSink sink) {
        this.sink = sink;
    }

    @Override
    public void poll() {
        TradeSink into = sink;
        if (into == null || unavailable().isPresent()) {
            return;
        }
        List<WatchedTrader> traders = into.followed();
        List<Long> ids = traders.stream().map(WatchedTrader::id).toList();
        handled.keySet().retainAll(ids);
        since.keySet().retainAll(ids);
        if (traders.isEmpty()) {
            return;
        }
        List<String> symbols =
                watchlist.get().stream()
                        .filter(c -> c.kind() == InstrumentKind.STOCK)
                        .map(Contract::symbol)
                        .sorted()
                        .toList();
        if (symbols.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        boolean resuming = !polled;
        polled = true;
        for (WatchedTrader trader : traders) {
            try {
                deliver(into, trader.id(), leader(trader.id(), symbols), now, resuming);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "Simulated leader of trader " + trader.id() + " not delivered");
            }
        }
    }

    /** The leader a trader follows: seeded from the market's seed and the trader's id. */
    SimulatedLeader leader(long traderId, List<String> symbols) {
        return new SimulatedLeader(leaderSeed(seed, traderId), symbols, slot, PORTFOLIO);
    }

    /** The seed of trader {@code traderId}'s leader in a market seeded {@code seed}. */
    static long leaderSeed(long seed, long traderId) {
        return seed * 1_000_003L + traderId;
    }

    private void deliver(
            TradeSink into, long traderId, SimulatedLeader leader, Instant now, boolean resuming) {
        long current = leader.slotOf(now);
        long oldest = current - CATCH_UP_SLOTS;
        Long last = handled.get(traderId);
        long from;
        if (last != null) {
            from = last + 1;
        } else {
            Optional<Long> resumed =
                    resuming
                            ? into.lastTradeTime(traderId)
                                    .map(leader::slotOf)
                                    .filter(s -> s <= current)
                            : Optional.empty();
            from = resumed.orElse(current);
            if (resumed.isEmpty()) {
                since.put(traderId, current);
            }
        }
        from = Math.max(from, oldest);
        long first = since.getOrDefault(traderId, Long.MIN_VALUE);
        for (long s = from; s <= current; s++) {
            List<LeaderTrade> trades;
            try {
                trades = leader.tradesIn(s, this::price);
            } catch (NoPriceException e) {
                LOG.fine(
                        () -> "Simulated slot of trader " + traderId + " waits: " + e.getMessage());
                return;
            }
            for (LeaderTrade trade : trades) {
                if (openedIn(trade) >= first) {
                    into.deliver(traderId, trade);
                }
            }
            handled.put(traderId, s);
        }
    }

    /** The slot a trade's lot was opened in, from its id ({@code s<seed>-o<slot>}, {@code -c}). */
    static long openedIn(LeaderTrade trade) {
        String id = trade.tradeId();
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 2));
    }

    private BigDecimal price(String symbol) {
        Quote quote = quotes.apply(symbol).orElseThrow(() -> new NoPriceException(symbol));
        double price = !Double.isNaN(quote.last()) && quote.last() > 0 ? quote.last() : mid(quote);
        if (Double.isNaN(price) || price <= 0) {
            throw new NoPriceException(symbol);
        }
        return BigDecimal.valueOf(price);
    }

    private static double mid(Quote quote) {
        return (quote.bid() + quote.ask()) / 2;
    }

    @Override
    public void close() {
        sink = null;
        handled.clear();
        since.clear();
    }

    /** A symbol of the slot has no fresh quote yet. */
    private static final class NoPriceException extends RuntimeException {
        NoPriceException(String symbol) {
            super("no fresh quote of " + symbol, null, false, false);
        }
    }
}

package org.tickerdesk.marketdata.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The simulated market of one symbol: a geometric random walk (for an event contract, a walk of its
 * log-odds) quoted on the contract's tick grid. Its sequence of quotes depends only on the seed and
 * the contract, never on timing or on other symbols. Stepped by one thread at a time. A price set
 * from outside ({@link #inject}) becomes the walk's own: the next step moves on from there. While
 * held, or while a scripted path moves it, it does not step by itself.
 */
final class PriceWalk {

    private static final double TRADE_PROBABILITY = 0.4;
    private static final double INSIDE_TRADE_PROBABILITY = 0.2;
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /**
     * Per-kind behaviour; the reversion is weak, and only keeps a server that runs for weeks
     * plausible.
     */
    private record Style(
            double volatility, double reversion, long lot, long bookLots, long tradeLots) {

        static Style of(InstrumentKind kind) {
            return switch (kind) {
                case STOCK -> new Style(1.0e-4, 1.0e-6, 100, 20, 10);
                case FUTURE -> new Style(0.7e-4, 1.0e-6, 1, 40, 8);
                case OPTION -> new Style(1.5e-3, 1.0e-5, 1, 50, 10);
                case EVENT -> new Style(0.03, 1.0e-4, 1, 200, 25);
            };
        }
    }

    private final Contract contract;
    private final SplittableRandom random;
    private final Style style;
    private final TickGrid grid;
    private final boolean probability;
    private final long maxTicks;
    private final double anchor;

    /** The log price, or for an event contract the log-odds. */
    private double level;

    private long bid;
    private long ask;
    private long last;
    private long bidSize;
    private long askSize;
    private long lastSize;
    private long volume;

    private boolean held;
    private boolean scripted;

    PriceWalk(long seed, Contract contract) {
        this.contract = contract;
        random = new SplittableRandom(mix(seed ^ mix(hash(contract.symbol()))));
        style = Style.of(contract.kind());
        probability = contract.kind() == InstrumentKind.EVENT;
        TickGrid own = new TickGrid(contract.tickSize());
        // A probability needs at least two levels inside (0, 1) to quote bid < ask there.
        grid = probability && own.ticksBelowOne() < 2 ? new TickGrid(CENT) : own;
        maxTicks = probability ? grid.ticksBelowOne() : Long.MAX_VALUE / 4;
        double reference = ReferencePrices.of(contract);
        anchor =
                probability
                        ? Math.log(reference / (1 - reference))
                        : Math.log(Math.max(reference, 20 * grid.tick()));
        level = anchor;
        requote();
        last = random.nextBoolean() ? bid : ask;
        lastSize = size(style.tradeLots);
        volume = lastSize;
    }

    Contract contract() {
        return contract;
    }

    /** Whether the walk steps by itself: neither held nor moved by a scripted path. */
    boolean moves() {
        return !held && !scripted;
    }

    boolean held() {
        return held;
    }

    void hold(boolean held) {
        this.held = held;
    }

    void script(boolean scripted) {
        this.scripted = scripted;
    }

    /**
     * The nearest price this walk can quote: on its grid, at least one tick, and for an event
     * contract below 1. Reads only what never changes, so any thread may ask.
     */
    double snap(double price) {
        return grid.price(ticksOf(price));
    }

    /** The market as it stands, without moving it. */
    Quote current(long timestampMicros) {
        return quote(timestampMicros);
    }

    /**
     * A trade at {@code lastPrice} with the given bid and ask, or (both NaN) a spread drawn as the
     * walk draws its own around the trade; every price snapped to the grid. The walk's level is set
     * to the trade's price, so it continues from there.
     *
     * @param size the trade's size, or 0 for one drawn as the walk draws its own
     */
    Quote inject(
            double lastPrice, double bidPrice, double askPrice, long size, long timestampMicros) {
        last = ticksOf(lastPrice);
        double price = grid.price(last);
        level = probability ? Math.log(price / (1 - price)) : Math.log(price);
        if (Double.isNaN(bidPrice) || Double.isNaN(askPrice)) {
            long spread = spread();
            bid = Math.max(1, Math.round(last - spread / 2.0));
            ask = bid + spread;
            if (ask > maxTicks) {
                ask = maxTicks;
                bid = Math.max(1, ask - spread);
            }
        } else {
            bid = ticksOf(bidPrice);
            ask = ticksOf(askPrice);
        }
        bidSize = size(style.bookLots);
        askSize = size(style.bookLots);
        lastSize = size > 0 ? size : size(style.tradeLots);
        volume += lastSize;
        return quote(timestampMicros);
    }

    private long ticksOf(double price) {
        return Math.min(Math.max(1, Math.round(grid.ticks(price))), maxTicks);
    }

    /** Moves the market one tick: always a new quote, sometimes a trade. */
    Quote next(long timestampMicros) {
        level += style.reversion * (anchor - level) + style.volatility * random.nextGaussian();
        requote();
        if (random.nextDouble() < TRADE_PROBABILITY) {
            trade();
        } else if (last < bid || last > ask) {
            // Without a trade the quote may only move as far as still holds the last trade.
            long width = ask - bid;
            bid = last < bid ? last : last - width;
            ask = bid + width;
        }
        return quote(timestampMicros);
    }

    private Quote quote(long timestampMicros) {
        return new Quote(
                contract.symbol(),
                grid.price(bid),
                grid.price(ask),
                grid.price(last),
                bidSize,
                askSize,
                lastSize,
                volume,
                timestampMicros,
                MarketDataType.LIVE);
    }

    private void requote() {
        double fair = grid.ticks(probability ? 1 / (1 + Math.exp(-level)) : Math.exp(level));
        long spread = spread();
        bid = Math.max(1, Math.round(fair - spread / 2.0));
        ask = bid + spread;
        if (ask > maxTicks) {
            ask = maxTicks;
            bid = Math.max(1, ask - spread);
        }
        bidSize = size(style.bookLots);
        askSize = size(style.bookLots);
    }

    private void trade() {
        long width = ask - bid;
        if (width > 1 && random.nextDouble() < INSIDE_TRADE_PROBABILITY) {
            last = bid + 1 + random.nextLong(width - 1);
        } else {
            last = random.nextBoolean() ? ask : bid;
        }
        lastSize = size(style.tradeLots);
        volume += lastSize;
    }

    /** One to four ticks, mostly one or two. */
    private long spread() {
        double u = random.nextDouble();
        return u < 0.55 ? 1 : u < 0.85 ? 2 : u < 0.97 ? 3 : 4;
    }

    /** Whole lots, small ones far more often than large ones. */
    private long size(long maxLots) {
        double u = random.nextDouble();
        return style.lot * (1 + (long) (maxLots * u * u));
    }

    /** FNV-1a over the UTF-8 bytes: 64 bits, so two symbols practically never share a walk. */
    static long hash(String symbol) {
        long h = 0xcbf29ce484222325L;
        for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3's finaliser: spreads nearby seeds over unrelated random streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}

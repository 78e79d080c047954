package org.tickerdesk.ibkr.marketdata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;
import org.tickerdesk.ibkr.wire.messages.ticks.TickPrice;
import org.tickerdesk.ibkr.wire.messages.ticks.TickSize;
import org.tickerdesk.ibkr.wire.messages.ticks.TickString;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Builds one subscription's quotes from IB's ticks: keeps the latest bid, ask and last with their
 * sizes, the day's volume and the market-data type IB reported, and makes a {@link Quote} after
 * every tick that changed one of them. Live and delayed tick types feed the same fields. A tick
 * that would make a crossed quote or carries an impossible value gives no quote and is logged. Not
 * thread-safe: one reader thread feeds it.
 */
final class QuoteAssembler {

    private static final Logger LOG = Logger.getLogger(QuoteAssembler.class.getName());

    /** IB's size tick types, which also name the size fields here. */
    private static final int BID_SIZE = 0;

    private static final int ASK_SIZE = 3;
    private static final int LAST_SIZE = 5;
    private static final int VOLUME = 8;

    private final String symbol;
    private MarketDataType type;
    private double bid = Double.NaN;
    private double ask = Double.NaN;
    private double last = Double.NaN;
    private long bidSize;
    private long askSize;
    private long lastSize;
    private long volume;
    private int refused;
    private boolean quoted;

    QuoteAssembler(String symbol, MarketDataType type) {
        this.symbol = symbol;
        this.type = type;
    }

    void type(MarketDataKind kind) {
        type = MarketDataType.valueOf(kind.name());
    }

    MarketDataType type() {
        return type;
    }

    /** True once, after the first quote: the subscription is then known to stream. */
    boolean firstQuote() {
        if (quoted) {
            return false;
        }
        quoted = true;
        return true;
    }

    /**
     * Bid, ask, last (1, 2, 4; delayed 66, 67, 68), each possibly with its size; -1 means no price.
     */
    Optional<Quote> price(TickPrice tick, long receivedMicros) {
        double price = tick.noQuote() ? Double.NaN : tick.price().doubleValue();
        if (Double.isInfinite(price)) {
            return refuse("price " + tick.price() + " of tick type " + tick.tickType());
        }
        long size = tick.size() == null ? -1 : size(tick.size());
        if (tick.size() != null && size < 0) {
            return refuse("size " + tick.size() + " of tick type " + tick.tickType());
        }
        double oldBid = bid;
        double oldAsk = ask;
        int sizeField;
        switch (tick.tickType()) {
            case 1, 66 -> {
                bid = price;
                sizeField = BID_SIZE;
            }
            case 2, 67 -> {
                ask = price;
                sizeField = ASK_SIZE;
            }
            case 4, 68 -> {
                last = price;
                sizeField = LAST_SIZE;
            }
            default -> {
                return Optional.empty();
            }
        }
        if (!Double.isNaN(bid) && !Double.isNaN(ask) && bid > ask) {
            String crossed = "crossed bid " + bid + " > ask " + ask;
            bid = oldBid;
            ask = oldAsk;
            return refuse(crossed);
        }
        if (size >= 0) {
            applySize(sizeField, size);
        }
        return quote(receivedMicros);
    }

    /** Bid, ask and last size (0, 3, 5; delayed 69, 70, 71) and volume (8; delayed 74). */
    Optional<Quote> size(TickSize tick, long receivedMicros) {
        if (tick.size() == null) {
            // IB left the size unset: there is nothing to change
            return Optional.empty();
        }
        long size = size(tick.size());
        if (size < 0) {
            return refuse("size " + tick.size() + " of tick type " + tick.tickType());
        }
        int field =
                switch (tick.tickType()) {
                    case 0, 69 -> BID_SIZE;
                    case 3, 70 -> ASK_SIZE;
                    case 5, 71 -> LAST_SIZE;
                    case 8, 74 -> VOLUME;
                    default -> -1;
                };
        if (field < 0) {
            return Optional.empty();
        }
        applySize(field, size);
        return quote(receivedMicros);
    }

    /** The last-trade time (45; delayed 88): the quote it completes carries that time. */
    Optional<Quote> string(TickString tick, long receivedMicros) {
        Instant traded = tick.lastTradeTime();
        if (traded == null) {
            return Optional.empty();
        }
        return quote(traded.getEpochSecond() * 1_000_000L);
    }

    private void applySize(int field, long size) {
        switch (field) {
            case BID_SIZE -> bidSize = size;
            case ASK_SIZE -> askSize = size;
            case LAST_SIZE -> lastSize = size;
            default -> volume = size;
        }
    }

    /** A quote once any price is known. */
    private Optional<Quote> quote(long micros) {
        if (Double.isNaN(bid) && Double.isNaN(ask) && Double.isNaN(last)) {
            return Optional.empty();
        }
        return Optional.of(
                new Quote(
                        symbol, bid, ask, last, bidSize, askSize, lastSize, volume, micros, type));
    }

    /**
     * Whole units, or -1 for a negative or absurd size. Fractional sizes (crypto, fractional
     * shares) round.
     */
    private static long size(BigDecimal size) {
        if (size.signum() < 0 || size.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            return -1;
        }
        return size.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private Optional<Quote> refuse(String what) {
        refused++;
        // the first refusal is worth a warning; a feed that keeps sending them would flood the log
        LOG.log(
                refused == 1 ? Level.WARNING : Level.FINE,
                "Skipped a tick for {0}: {1} ({2} skipped so far)",
                new Object[] {symbol, what, refused});
        return Optional.empty();
    }
}

package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.trading.entity.Side;

/**
 * A leader that trades the simulated market from a seed, so that copy trading can be seen working
 * without any account. Time is cut into slots of equal length counted from the epoch, and what
 * happens in a slot depends on nothing but the seed and the slot's number: the same seed gives the
 * same trades, after a restart too, with no state kept.
 *
 * <p>In each slot the leader opens, {@value #OPEN_PERCENT} times in 100, a lot of 1 to {@value
 * #MAX_UNITS} units of one of the symbols, held for 1 to {@value #MAX_HOLD_SLOTS} slots and closed
 * (the same quantity, the other side) in the slot where that ends. Lots of a symbol may overlap, so
 * a close may be a partial exit. Each leader is long or short in a symbol for good (short one
 * symbol in four, by seed and symbol), so its position in a symbol never crosses zero and every
 * sell while it holds nothing opens a short. A slot's trades are its closes (oldest lot first),
 * then its open; each is timed at the slot's start and priced by the given function at the moment
 * of the call, and carries the leader's portfolio value (for share sizing).
 *
 * <p>Trade ids are {@code s<seed in hex>-o<slot>} for the lot opened in a slot and {@code s<seed in
 * hex>-c<slot>} for its close: unique per leader, and the same trade always has the same id, so a
 * slot reported twice is copied once.
 */
public final class SimulatedLeader {

    /** In how many slots out of 100 a lot is opened. */
    public static final int OPEN_PERCENT = 30;

    /** The largest lot, in units. */
    public static final int MAX_UNITS = 20;

    /** The longest a lot is held, in slots. */
    public static final int MAX_HOLD_SLOTS = 10;

    private final long seed;
    private final List<String> symbols;
    private final long slotMillis;
    private final BigDecimal portfolioValue;

    /**
     * A leader trading {@code symbols} (their order matters: the same seed on other symbols or
     * another order trades otherwise), one slot every {@code slot} (at least a second), with a
     * portfolio worth {@code portfolioValue}.
     */
    public SimulatedLeader(
            long seed, List<String> symbols, Duration slot, BigDecimal portfolioValue) {
        this.seed = seed;
        this.symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        if (this.symbols.isEmpty() || this.symbols.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a simulated leader needs symbols, none blank");
        }
        Objects.requireNonNull(slot, "slot");
        if (slot.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a slot is at least a second, not " + slot);
        }
        this.slotMillis = slot.toMillis();
        if (portfolioValue == null || portfolioValue.signum() <= 0) {
            throw new IllegalArgumentException(
                    "portfolioValue must be above zero, not " + portfolioValue);
        }
        this.portfolioValue = portfolioValue;
    }

    /** The number of the slot {@code time} falls in. */
    public long slotOf(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), slotMillis);
    }

    /** When slot {@code slot} starts: the time of its trades. */
    public Instant startOf(long slot) {
        return Instant.ofEpochMilli(slot * slotMillis);
    }

    /**
     * The trades of the slots that start after {@code after} and at or before {@code until}, in
     * order; consecutive windows give each trade once. {@code prices} gives a price above zero for
     * every symbol.
     */
    public List<LeaderTrade> tradesBetween(
            Instant after, Instant until, Function<String, BigDecimal> prices) {
        long first = Math.floorDiv(after.toEpochMilli(), slotMillis) + 1;
        long last = slotOf(until);
        List<LeaderTrade> trades = new ArrayList<>();
        for (long slot = first; slot <= last; slot++) {
            trades.addAll(tradesIn(slot, prices));
        }
        return trades;
    }

    /** The trades of slot {@code slot}: its closes, oldest lot first, then its open. */
    public List<LeaderTrade> tradesIn(long slot, Function<String, BigDecimal> prices) {
        Objects.requireNonNull(prices, "prices");
        List<LeaderTrade> trades = new ArrayList<>();
        for (long opened = slot - MAX_HOLD_SLOTS; opened < slot; opened++) {
            Lot lot = lotOpenedIn(opened);
            if (lot != null && opened + lot.hold == slot) {
                trades.add(trade("c", opened, slot, lot, lot.direction.opposite(), prices));
            }
        }
        Lot lot = lotOpenedIn(slot);
        if (lot != null) {
            trades.add(trade("o", slot, slot, lot, lot.direction.side, prices));
        }
        return trades;
    }

    private LeaderTrade trade(
            String kind,
            long opened,
            long slot,
            Lot lot,
            Side side,
            Function<String, BigDecimal> prices) {
        BigDecimal price = prices.apply(lot.symbol);
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException(
                    "no price above zero for " + lot.symbol + ": " + price);
        }
        return new LeaderTrade(
                "s" + Long.toHexString(seed) + "-" + kind + opened,
                lot.symbol,
                side,
                BigDecimal.valueOf(lot.units),
                price,
                startOf(slot),
                portfolioValue);
    }

    /** Whether a leader holds a symbol long or short. */
    private enum Direction {
        LONG(Side.BUY),
        SHORT(Side.SELL);

        final Side side;

        Direction(Side side) {
            this.side = side;
        }

        Side opposite() {
            return side == Side.BUY ? Side.SELL : Side.BUY;
        }
    }

    private record Lot(String symbol, Direction direction, int units, int hold) {}

    /**
     * The lot opened in {@code slot}, or null; every draw is made, so that each keeps its place.
     */
    private Lot lotOpenedIn(long slot) {
        Random random = new Random(mix(seed, slot));
        boolean opens = random.nextInt(100) < OPEN_PERCENT;
        String symbol = symbols.get(random.nextInt(symbols.size()));
        int units = 1 + random.nextInt(MAX_UNITS);
        int hold = 1 + random.nextInt(MAX_HOLD_SLOTS);
        return opens ? new Lot(symbol, direction(symbol), units, hold) : null;
    }

    private Direction direction(String symbol) {
        Random random = new Random(mix(~seed, symbol.hashCode()));
        return random.nextInt(4) == 0 ? Direction.SHORT : Direction.LONG;
    }

    /**
     * One well-spread seed for {@link Random} from two numbers (SplitMix64's finaliser), so that
     * neighbouring slots draw unrelated sequences. Random's own algorithm is fixed by its
     * specification, which keeps the trades the same on every JVM.
     */
    private static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.tickerdesk.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.trading.entity.ExitReason;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.ExitSignal;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.PositionsPriced;

/**
 * Guards the open positions on every tick of their instruments. Each instrument's positions are
 * filed by level ({@link TriggerIndex}), so a tick touches only those whose levels it reached; what
 * fires becomes {@link ExitPlan}s that {@link ExitOrders} commits and sends off the tick thread.
 * The clock's work (time limits, ROI, quotes that stopped, retries) is the {@link #sweep}'s, every
 * 10 s. Prices and P&amp;L live here in memory: published a few times a second ({@link
 * #publishPrices}) and written to the database behind, by the sweep.
 *
 * <p>Threads: {@link #onQuote} on the tick thread; {@link #track} on the order desk's lane and at
 * start-up; {@link #sweep} on the timer. Each instrument's index is touched under that instrument's
 * lock only, so ticks of different instruments never wait for each other.
 */
@ApplicationScoped
public class ExitEngine {

    /** A quote older than this is looked up again by the sweep, in case a tick was missed. */
    static final Duration QUIET = Duration.ofSeconds(10);

    /**
     * An instrument's prices are written behind every this many sweeps (a minute), and only when
     * its price changed: a state change is written at once anyway, and rewriting 100,000 rows every
     * 10 s cost the database more than the ticks did. Each sweep writes its own sixth of the
     * instruments: writing all of them in one sweep was a burst of database work once a minute that
     * an exit committed at that moment waited behind (the exit benchmark's slowest exits came in
     * the seconds after each full minute).
     */
    static final int WRITE_EVERY = 6;

    /** Rows per write-behind transaction: each holds its rows' locks only briefly. */
    static final int MARKS_PER_WRITE = 100;

    /**
     * The pause between two write-behind transactions, so that they leave the database to an exit
     * in between rather than queue it behind a run of them.
     */
    static final Duration WRITE_PAUSE = Duration.ofMillis(10);

    static final int FINISHED_REMEMBERED = 100_000;

    private int sweeps;

    @Inject ExitOrders orders;

    @Inject PositionStore store;

    @Inject QuoteStore quotes;

    @Inject MarketDemand demand;

    @Inject Event<PositionsPriced> priced;

    private volatile BooleanSupplier pricesWatched = () -> true;

    @Inject Clock clock;

    /** One instrument's guarded positions and the last quote they saw. */
    static final class Instrument {
        final String symbol;
        final TriggerIndex index = new TriggerIndex();
        Quote last;
        Instant lastAt;
        boolean moved;
        double written = Double.NaN;
        final int writeTurn;

        /** Left the map when its last position did: a track that finds it takes a new one. */
        boolean detached;

        Instrument(String symbol) {
            this.symbol = symbol;
            this.writeTurn = Math.floorMod(symbol.hashCode(), WRITE_EVERY);
        }
    }

    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();

    /**
     * Positions seen closed (or otherwise final) lately: a state announced late (the exit lane
     * announces {@code CLOSING} after the order is out, and the fill may be applied first) must not
     * guard one again.
     */
    private final Set<Long> finished =
            Collections.newSetFromMap(
                    Collections.synchronizedMap(
                            new LinkedHashMap<>(256, 0.75f, false) {
                                @Override
                                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> e) {
                                    return size() > FINISHED_REMEMBERED;
                                }
                            }));

    /**
     * Whether what fires here is carried out: always standalone; in a cluster only on the leading
     * member, whose exits reach the broker. A member that does not lead tracks the positions as
     * well, for their live prices and P&amp;L, but what fires there is dropped: the leader's engine
     * fires it.
     */
    private volatile boolean guarding = true;

    @Inject Leadership leadership;

    @PostConstruct
    void init() {
        guarding = !leadership.clustered();
    }

    @PreDestroy
    void stop() {
        forget();
    }

    /** Whether what fires here is carried out now. */
    public boolean guarding() {
        return guarding;
    }

    /**
     * From now on, carries out what fires. Every position is forgotten first, to be tracked anew by
     * the caller: while this member only watched, what its ticks fired was dropped, and a position
     * must not stay marked as fired for an exit never made.
     */
    public void guard() {
        forget();
        guarding = true;
    }

    /** Stops carrying out what fires, and goes on watching: another member guards now. */
    public void watchOnly() {
        guarding = false;
    }

    private void forget() {
        for (Instrument instrument : List.copyOf(instruments.values())) {
            synchronized (instrument) {
                instrument.detached = true;
                instruments.remove(instrument.symbol, instrument);
            }
            demand.release(instrument, instrument.symbol);
        }
    }

    /** On the tick thread: returns at once for an instrument no position is guarded in. */
    void onQuote(@Observes(notifyObserver = Reception.IF_EXISTS) Quote quote) {
        Instrument instrument = instruments.get(quote.symbol());
        if (instrument != null) {
            evaluate(instrument, quote, System.nanoTime());
        }
    }

    private void evaluate(Instrument instrument, Quote quote, long nanos) {
        Instant at = Instant.ofEpochSecond(0, quote.timestampMicros() * 1_000);
        List<ExitPlan> plans = new ArrayList<>();
        synchronized (instrument) {
            instrument.last = quote;
            instrument.lastAt = clock.instant();
            instrument.moved = true;
            for (TriggerIndex.Touched touched :
                    instrument.index.onQuote(quote.last(), quote.bid(), quote.ask(), at)) {
                plan(touched, nanos, plans);
            }
        }
        if (!plans.isEmpty() && guarding) {
            orders.submit(plans);
        }
    }

    /** Turns what fired into exits; a rule closing all of it stops the guard from firing again. */
    private static void plan(TriggerIndex.Touched touched, long nanos, List<ExitPlan> plans) {
        Guard guard = touched.guard();
        for (ExitSignal signal : touched.fired()) {
            boolean all = signal.reason() != ExitReason.TAKE_PROFIT || guard.watch.isDone();
            double units = Math.floor(Math.abs(guard.entered) * signal.fraction() + 1e-9);
            if (!all && units < 1) {
                continue;
            }
            if (all) {
                guard.closing = true;
            }
            String rule = signal.reason() + (signal.step() > 0 ? ":" + signal.step() : "");
            plans.add(
                    new ExitPlan(
                            guard.positionId,
                            rule,
                            all,
                            BigDecimal.valueOf(Math.max(units, 1)),
                            guard.rules.exitOrder().isMarket() ? OrderType.MKT : OrderType.LMT,
                            limit(guard, signal),
                            decimal(signal.level()),
                            decimal(signal.price()),
                            signal.at(),
                            nanos,
                            guard.symbol,
                            BigDecimal.valueOf(guard.held),
                            guard.broker));
            if (all) {
                return;
            }
        }
    }

    private static BigDecimal limit(Guard guard, ExitSignal signal) {
        if (guard.rules.exitOrder().isMarket() || !Double.isFinite(signal.price())) {
            return null;
        }
        double offset = guard.rules.exitOrder().limitOffsetPercent() / 100;
        // the exit sells a long: a limit below the trigger price, so that it fills
        return decimal(signal.price() * (1 - guard.direction() * offset));
    }

    private static BigDecimal decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }

    /**
     * Guards a position as stored now, or stops guarding it; {@code fired} are the rules that fired
     * on it already (the take-profit rungs it must not take again).
     */
    public void track(PositionSnapshot position, Set<String> fired) {
        track(position, () -> fired);
    }

    /**
     * As {@link #track(PositionSnapshot, Set)}, asking for the rules that fired only when the
     * position's watch is built anew (new, or its rules or entry changed): a change of state or
     * quantity needs no look at the database.
     */
    public void track(PositionSnapshot position, Supplier<Set<String>> fired) {
        if (position.state().isFinal()) {
            finished.add(position.id());
        } else if (finished.contains(position.id())) {
            return;
        }
        boolean guarded = position.state().isGuarded() && position.averagePrice() != null;
        while (true) {
            Instrument instrument =
                    guarded ? attached(position.symbol()) : instruments.get(position.symbol());
            if (instrument == null) {
                return;
            }
            boolean emptied;
            synchronized (instrument) {
                if (instrument.detached) {
                    continue;
                }
                if (guarded) {
                    Guard guard = guard(instrument.index.get(position.id()), position, fired);
                    instrument.index.put(guard, clock.instant());
                } else {
                    instrument.index.remove(position.id());
                }
                emptied = instrument.index.isEmpty();
                if (emptied) {
                    instrument.detached = true;
                    instruments.remove(position.symbol(), instrument);
                }
            }
            if (emptied) {
                demand.release(instrument, position.symbol());
            }
            return;
        }
    }

    /**
     * The symbol's instrument, made and holding market-data demand before anyone can see it. The
     * demand and the quote store are asked with no lock held: asking them can start the market-data
     * singleton, and while the server starts that waits for the thread starting the others, which
     * may itself be waiting to track a position here (a restart with positions and broker events
     * waiting hung that way).
     */
    private Instrument attached(String symbol) {
        Instrument existing = instruments.get(symbol);
        if (existing != null) {
            return existing;
        }
        Instrument created = new Instrument(symbol);
        // a quiet instrument shows its price before its next tick
        created.last = quotes.latest(symbol).orElse(null);
        demand.hold(created, symbol);
        Instrument raced = instruments.putIfAbsent(symbol, created);
        if (raced != null) {
            demand.release(created, symbol);
            return raced;
        }
        return created;
    }

    private Guard guard(Guard existing, PositionSnapshot position, Supplier<Set<String>> fired) {
        double entry = position.averagePrice().doubleValue();
        double held = position.quantity().doubleValue();
        Guard guard = existing;
        if (guard == null
                || !guard.rulesJson.equals(position.rules())
                || guard.watch.entry() != entry) {
            ExitRules rules = ExitRulesJson.read(position.rules()).serverSide();
            ExitWatch watch =
                    new ExitWatch(
                            entry,
                            position.quantity().signum() >= 0,
                            position.openedAt() == null
                                    ? position.createdAt()
                                    : position.openedAt(),
                            rules);
            double best =
                    existing != null
                            ? existing.watch.best()
                            : position.bestPrice() == null
                                    ? entry
                                    : position.bestPrice().doubleValue();
            watch.resume(best, rungs(fired.get()));
            guard =
                    new Guard(
                            position.id(),
                            position.symbol(),
                            rules,
                            position.rules(),
                            watch,
                            position.orderedQuantity().doubleValue(),
                            position.broker());
        }
        guard.held = held;
        guard.closing = position.state() == PositionState.CLOSING;
        return guard;
    }

    private static List<Integer> rungs(Set<String> fired) {
        List<Integer> rungs = new ArrayList<>();
        for (String rule : fired) {
            if (rule.startsWith(ExitReason.TAKE_PROFIT + ":")) {
                rungs.add(Integer.parseInt(rule.substring(rule.indexOf(':') + 1)));
            }
        }
        return rungs;
    }

    /**
     * Every 10 s: the clock's rules for every position, a fresh look at instruments whose ticks
     * stopped, failed exits retried, prices written behind.
     */
    public void sweep() {
        Instant now = clock.instant();
        List<ExitPlan> plans = new ArrayList<>();
        List<PositionMark> marks = new ArrayList<>();
        int turn = sweeps++ % WRITE_EVERY;
        for (Instrument instrument : instruments.values()) {
            if (instrument.lastAt == null || instrument.lastAt.isBefore(now.minus(QUIET))) {
                quotes.latest(instrument.symbol)
                        .filter(
                                q ->
                                        instrument.last == null
                                                || q.timestampMicros()
                                                        > instrument.last.timestampMicros())
                        .ifPresent(q -> evaluate(instrument, q, System.nanoTime()));
            }
            synchronized (instrument) {
                for (TriggerIndex.Touched touched : instrument.index.onClock(now)) {
                    plan(touched, System.nanoTime(), plans);
                }
                if (instrument.writeTurn == turn) {
                    marks.addAll(marks(instrument));
                }
            }
        }
        if (!plans.isEmpty() && guarding) {
            orders.submit(plans);
        }
        orders.retryFailed();
        for (int from = 0; from < marks.size(); from += MARKS_PER_WRITE) {
            if (from > 0 && !pause()) {
                return;
            }
            store.mark(marks.subList(from, Math.min(marks.size(), from + MARKS_PER_WRITE)), now);
        }
    }

    /** False when the sweep is interrupted (the server stops): the prices are written next time. */
    private static boolean pause() {
        try {
            Thread.sleep(WRITE_PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<PositionMark> marks(Instrument instrument) {
        double price = price(instrument.last);
        if (!Double.isFinite(price) || price == instrument.written) {
            return List.of();
        }
        instrument.written = price;
        List<PositionMark> marks = new ArrayList<>();
        for (Guard guard : instrument.index.guards()) {
            marks.add(
                    new PositionMark(
                            guard.positionId,
                            BigDecimal.valueOf(price),
                            BigDecimal.valueOf(guard.watch.best())));
        }
        return marks;
    }

    /**
     * How to tell whether anyone watches the positions' prices (a client of the {@code positions}
     * stream): while nobody does, {@link #publishPrices} builds nothing, and the instruments that
     * moved meanwhile are published once someone does.
     */
    public void watchPricesWith(BooleanSupplier watched) {
        pricesWatched = Objects.requireNonNull(watched, "watched");
    }

    /**
     * The instruments that moved since the last call, their positions' prices; conflated. Nothing
     * while nobody watches: building a price for each of 100,000 guarded positions twice a second
     * for no one showed in the CPU per tick.
     */
    public void publishPrices() {
        if (!pricesWatched.getAsBoolean()) {
            return;
        }
        List<PositionPrice> prices = new ArrayList<>();
        for (Instrument instrument : instruments.values()) {
            synchronized (instrument) {
                if (!instrument.moved) {
                    continue;
                }
                instrument.moved = false;
                prices.addAll(prices(instrument));
            }
        }
        if (!prices.isEmpty()) {
            priced.fire(new PositionsPriced(prices));
        }
    }

    /** The prices of this instrument's guarded positions now. */
    public List<PositionPrice> prices(String symbol) {
        Instrument instrument = instruments.get(symbol);
        if (instrument == null) {
            return List.of();
        }
        synchronized (instrument) {
            return prices(instrument);
        }
    }

    private List<PositionPrice> prices(Instrument instrument) {
        double price = price(instrument.last);
        Instant at =
                instrument.last == null
                        ? clock.instant()
                        : Instant.ofEpochSecond(0, instrument.last.timestampMicros() * 1_000);
        Collection<Guard> guards = instrument.index.guards();
        List<PositionPrice> prices = new ArrayList<>(guards.size());
        for (Guard guard : guards) {
            prices.add(
                    new PositionPrice(
                            guard.positionId,
                            guard.symbol,
                            price,
                            (price - guard.watch.entry()) * guard.held,
                            guard.watch.stopLevel(),
                            guard.watch.targetLevel(),
                            at));
        }
        return prices;
    }

    public Optional<PositionPrice> price(long positionId, String symbol) {
        return prices(symbol).stream().filter(p -> p.positionId() == positionId).findFirst();
    }

    /** How many positions are guarded now, for the dashboard and the benchmark. */
    public int guarded() {
        return instruments.values().stream().mapToInt(i -> i.index.size()).sum();
    }

    /** The last trade, else the middle of bid and ask. */
    private static double price(Quote quote) {
        if (quote == null) {
            return Double.NaN;
        }
        if (Double.isFinite(quote.last())) {
            return quote.last();
        }
        return (quote.bid() + quote.ask()) / 2;
    }
}

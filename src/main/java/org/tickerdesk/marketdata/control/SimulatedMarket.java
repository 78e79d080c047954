package org.tickerdesk.marketdata.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.SimulatedSymbols.Subscription;
import org.tickerdesk.marketdata.entity.InjectedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.marketdata.entity.SourceStatus;
import org.tickerdesk.marketdata.entity.SourceStatus.State;
import org.tickerdesk.platform.entity.SourceName;

/**
 * A market-data source that needs no broker: one generator thread moves every subscribed symbol's
 * {@link PriceWalk} in turn at a total rate of ticks per second, a few milliseconds' worth at a
 * time. A new subscription gets its first quote at once, outside the rate; a resubscribed symbol
 * resumes its walk where it stopped.
 *
 * <p>Ticks injected from outside, holds and scripted paths are carried out by the generator thread
 * too, between two of its ticks: a walk is only ever touched by that one thread, and what reaches
 * the sink stays in the order it happened, an injected tick exactly as a generated one.
 */
public final class SimulatedMarket implements MarketDataSource {

    public static final String NAME = SourceName.SIMULATED.setting();
    private static final Logger LOG = Logger.getLogger(SimulatedMarket.class.getName());

    /** Ticks emitted between two looks at the clock, the subscriptions and close. */
    static final int MAX_BATCH = 1024;

    private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * After a stall, at most this much backlog is caught up; the rest is dropped, not burst out.
     */
    private static final double MAX_BACKLOG_SECONDS = 0.25;

    private static final long JOIN_MILLIS = 2000;

    private final long seed;
    private final double ticksPerSecond;
    private final ThreadFactory threadFactory;
    private final SimulatedSymbols symbols;
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    private final ThrottledWarning sinkFailures =
            new ThrottledWarning(
                    LOG,
                    "The market-data sink failed; the simulated market carries on",
                    10,
                    TimeUnit.SECONDS);
    private Thread generator;
    private boolean closed;

    public SimulatedMarket(long seed, double ticksPerSecond, ThreadFactory threadFactory) {
        if (!(ticksPerSecond > 0) || Double.isInfinite(ticksPerSecond)) {
            throw new IllegalArgumentException(
                    "The simulated market needs a positive, finite number of ticks per"
                            + " second (e.g. 100 or 0.5), not "
                            + ticksPerSecond);
        }
        this.seed = seed;
        this.symbols = new SimulatedSymbols(seed);
        this.ticksPerSecond = ticksPerSecond;
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(MarketDataSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (closed || generator != null) {
            throw new IllegalStateException(
                    "The simulated market " + (closed ? "is closed" : "is already started"));
        }
        Thread thread = threadFactory.newThread(() -> generate(sink));
        if (thread == null) {
            throw new IllegalStateException(
                    "The thread factory gave no thread for the simulated market");
        }
        generator = thread;
        thread.start();
    }

    @Override
    public void subscribe(Contract contract) {
        symbols.subscribe(Objects.requireNonNull(contract, "contract"));
    }

    /** A quote the generator is already handing over may still arrive; none is generated after. */
    @Override
    public void unsubscribe(String symbol) {
        symbols.unsubscribe(Objects.requireNonNull(symbol, "symbol"));
    }

    /** The contract of a symbol subscribed now; only such a symbol can be injected into. */
    Optional<Contract> served(String symbol) {
        PriceWalk walk = symbols.served(symbol);
        return walk == null ? Optional.empty() : Optional.of(walk.contract());
    }

    /** The nearest price the symbol's walk can quote (see {@link PriceWalk#snap}). */
    double snap(String symbol, double price) {
        return walk(symbol).snap(price);
    }

    /**
     * Delivers the ticks, in order and one right after the other, as the symbols' walks' own, and
     * sets or releases each one's hold as it asks.
     */
    CompletableFuture<List<InjectedQuote>> inject(List<SimulatedTick> ticks) {
        List<SimulatedTick> copy = List.copyOf(ticks);
        return call(
                sink -> {
                    List<InjectedQuote> injected = new ArrayList<>(copy.size());
                    for (SimulatedTick tick : copy) {
                        PriceWalk walk = walk(tick.symbol());
                        if (tick.hold() != null) {
                            walk.hold(tick.hold());
                        }
                        Quote quote =
                                walk.inject(
                                        tick.last(),
                                        tick.bid(),
                                        tick.ask(),
                                        tick.size(),
                                        Quote.nowMicros());
                        deliver(sink, quote);
                        injected.add(new InjectedQuote(quote, walk.held()));
                    }
                    return injected;
                });
    }

    /** Stops or resumes the symbol's walk for a scripted path; answers its quote as it stands. */
    CompletableFuture<Quote> script(String symbol, boolean scripted) {
        return call(
                sink -> {
                    PriceWalk walk = walk(symbol);
                    walk.script(scripted);
                    return walk.current(Quote.nowMicros());
                });
    }

    /** Lets the symbol's walk step again (unless a scripted path moves it); true if it was held. */
    CompletableFuture<Boolean> release(String symbol) {
        return call(
                sink -> {
                    PriceWalk walk = walk(symbol);
                    boolean held = walk.held();
                    walk.hold(false);
                    return held;
                });
    }

    private PriceWalk walk(String symbol) {
        PriceWalk walk = symbols.served(symbol);
        if (walk == null) {
            throw new NotASimulatedSymbolException("symbol", symbol);
        }
        return walk;
    }

    /** Something to do on the generator thread, between two ticks. */
    private interface Command {
        void run(MarketDataSink sink);

        void refuse(RuntimeException why);
    }

    private <T> CompletableFuture<T> call(Function<MarketDataSink, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread;
        synchronized (this) {
            thread = generator;
            if (closed || thread == null) {
                result.completeExceptionally(
                        new IllegalStateException("The simulated market is not running"));
                return result;
            }
            commands.add(
                    new Command() {
                        @Override
                        public void run(MarketDataSink sink) {
                            try {
                                result.complete(work.apply(sink));
                            } catch (RuntimeException e) {
                                result.completeExceptionally(e);
                            }
                        }

                        @Override
                        public void refuse(RuntimeException why) {
                            result.completeExceptionally(why);
                        }
                    });
        }
        LockSupport.unpark(thread);
        return result;
    }

    private void runCommands(MarketDataSink sink) {
        Command command;
        while (!stopping && (command = commands.poll()) != null) {
            command.run(sink);
        }
    }

    private void refuseCommands() {
        Command command;
        while ((command = commands.poll()) != null) {
            command.refuse(new IllegalStateException("The simulated market has stopped"));
        }
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            thread = generator;
        }
        if (thread == null) {
            return;
        }
        stopping = true;
        LockSupport.unpark(thread);
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warning(
                    "The simulated market's sink has not returned for "
                            + JOIN_MILLIS
                            + " ms; interrupting it");
            thread.interrupt();
        }
    }

    private void generate(MarketDataSink sink) {
        deliver(sink, State.CONNECTED, "seed " + seed + ", " + ticksPerSecond + " ticks/s");
        State end = State.STOPPED;
        String detail = "closed";
        try {
            pace(sink);
            if (!stopping) {
                detail = "interrupted";
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "The simulated market failed", e);
            end = State.DISCONNECTED;
            detail = "failed: " + e;
        } finally {
            refuseCommands();
            deliver(sink, end, detail);
        }
    }

    private void pace(MarketDataSink sink) {
        double ticksPerNano = ticksPerSecond / 1e9;
        long maxBacklog = Math.max(MAX_BATCH, (long) (ticksPerSecond * MAX_BACKLOG_SECONDS));
        long startNanos = System.nanoTime();
        long emitted = 0;
        int cursor = 0;
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            runCommands(sink);
            quoteNewSubscriptions(sink);
            Subscription[] turn = symbols.snapshot();
            long due = (long) ((System.nanoTime() - startNanos) * ticksPerNano);
            // Nobody to tick means nothing is owed: a first subscription must not get a burst.
            emitted = Math.max(emitted, turn.length == 0 ? due : due - maxBacklog);
            long owed = due - emitted;
            if (owed > 0) {
                int batch = (int) Math.min(owed, MAX_BATCH);
                cursor = emit(sink, turn, cursor, batch);
                emitted += batch;
                if (owed > batch) {
                    continue;
                }
            }
            long nextDue = startNanos + (long) Math.ceil((emitted + 1) / ticksPerNano);
            long pause = nextDue - System.nanoTime();
            LockSupport.parkNanos(Math.min(Math.max(pause, MIN_PAUSE_NANOS), MAX_PAUSE_NANOS));
        }
    }

    private void quoteNewSubscriptions(MarketDataSink sink) {
        Subscription subscription;
        while (!stopping && (subscription = symbols.pollUnquoted()) != null) {
            if (subscription.live) {
                PriceWalk walk = subscription.walk;
                long now = Quote.nowMicros();
                deliver(sink, walk.moves() ? walk.next(now) : walk.current(now));
            }
        }
    }

    /** Round-robin over this turn's subscriptions; returns where the next batch carries on. */
    private int emit(MarketDataSink sink, Subscription[] turn, int cursor, int batch) {
        long timestamp = Quote.nowMicros();
        int next = cursor < turn.length ? cursor : 0;
        // Checking stopping on every tick lets close() from inside the sink, or beside a slow one,
        // take effect at once.
        for (int i = 0; i < batch && !stopping; i++) {
            Subscription subscription = turn[next];
            if (++next == turn.length) {
                next = 0;
            }
            if (subscription.live && subscription.walk.moves()) {
                deliver(sink, subscription.walk.next(timestamp));
            }
        }
        return next;
    }

    private void deliver(MarketDataSink sink, Quote quote) {
        try {
            sink.onQuote(quote);
        } catch (Exception e) {
            sinkFailures.record(e);
        }
    }

    private void deliver(MarketDataSink sink, State state, String detail) {
        try {
            sink.onStatus(new SourceStatus(NAME, state, detail, Instant.now()));
        } catch (Exception e) {
            sinkFailures.record(e);
        }
    }
}

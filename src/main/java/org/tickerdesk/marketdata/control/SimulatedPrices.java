package org.tickerdesk.marketdata.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.entity.InjectedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.ScriptedPath;
import org.tickerdesk.marketdata.entity.SimulatedPath;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * Drives the simulated market from outside, for tests and demonstrations: injects ticks, holds a
 * symbol's walk still so that only injected prices move it, and runs scripted paths, at most one
 * per symbol, each step a tick on the managed scheduler. A path holds the walk while it runs and
 * lets it go on from the path's last price when it ends, unless the symbol is held. With any other
 * source configured everything here is refused ({@link NotSimulatedException}); in a cluster ticks
 * and paths go to the leading member only ({@link NotLeadingException}).
 */
@ApplicationScoped
public class SimulatedPrices {

    private static final Logger LOG = Logger.getLogger(SimulatedPrices.class.getName());

    /** How long to wait for the generator thread to carry out one request. */
    private static final long PATIENCE_SECONDS = 5;

    @Inject Upstream upstream;

    @Inject FeedSupervisor feed;

    @Inject Clock clock;

    @Resource ManagedScheduledExecutorService scheduler;

    private final Map<String, RunningPath> paths = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Refuses unless the simulated market is the configured source. */
    public void requireSimulated() {
        market();
    }

    /** Refuses unless prices injected here count: the simulated market, on a member that leads. */
    public void requireDriven() {
        driven();
    }

    /** The contract of a symbol the simulated market streams now. */
    public Optional<Contract> served(String symbol) {
        return market().served(symbol);
    }

    /** Injects the ticks in order; answers what each became. */
    public List<InjectedQuote> inject(List<SimulatedTick> ticks) {
        SimulatedMarket market = driven();
        for (SimulatedTick tick : ticks) {
            requireServed(market, tick.symbol());
        }
        return await(market.inject(ticks));
    }

    /** Lets the symbol's walk move again; true if it was held. */
    public boolean release(String symbol) {
        SimulatedMarket market = market();
        requireServed(market, symbol);
        return await(market.release(symbol));
    }

    /** Starts a path, replacing the symbol's running one. */
    public synchronized ScriptedPath start(SimulatedPath request) {
        SimulatedMarket market = driven();
        String symbol = request.symbol();
        requireServed(market, symbol);
        RunningPath replaced = paths.remove(symbol);
        if (replaced != null) {
            replaced.stop();
        }
        Quote current = await(market.script(symbol, true));
        double from = current.last();
        double target =
                Double.isNaN(request.to())
                        ? PricePath.target(from, request.changePercent())
                        : request.to();
        PricePath path =
                new PricePath(
                        from, market.snap(symbol, target), request.steps(), request.duration());
        RunningPath running =
                new RunningPath(ids.incrementAndGet(), symbol, path, market, clock.instant());
        paths.put(symbol, running);
        running.scheduleNext();
        return running.view();
    }

    /** The running paths, oldest first. */
    public synchronized List<ScriptedPath> paths() {
        market();
        List<ScriptedPath> views = new ArrayList<>();
        paths.values().forEach(p -> views.add(p.view()));
        views.sort(Comparator.comparingLong(ScriptedPath::id));
        return views;
    }

    /** Stops a running path; the walk goes on from where it stopped unless held. */
    public synchronized boolean stop(long id) {
        SimulatedMarket market = market();
        Optional<RunningPath> found = paths.values().stream().filter(p -> p.id == id).findFirst();
        found.ifPresent(path -> end(market, path));
        return found.isPresent();
    }

    @PreDestroy
    synchronized void stopAll() {
        paths.values().forEach(RunningPath::stop);
        paths.clear();
    }

    private synchronized void finished(RunningPath path) {
        if (paths.get(path.symbol) == path) {
            try {
                end(path.market, path);
            } catch (RuntimeException e) {
                LOG.warning(
                        () -> "The walk of " + path.symbol + " may stay held: " + e.getMessage());
            }
        }
    }

    private void end(SimulatedMarket market, RunningPath path) {
        paths.remove(path.symbol);
        path.stop();
        if (market.served(path.symbol).isPresent()) {
            await(market.script(path.symbol, false));
        }
    }

    /**
     * The market, when what is injected into it counts: a member that follows in a cluster drops
     * its own market's ticks, so an injected one would be answered and then go nowhere.
     */
    private SimulatedMarket driven() {
        SimulatedMarket market = market();
        if (!feed.ownTicksCount()) {
            throw new NotLeadingException();
        }
        return market;
    }

    private SimulatedMarket market() {
        if (upstream.source() != SourceName.SIMULATED) {
            throw new NotSimulatedException(upstream.source());
        }
        return feed.simulatedMarket()
                .orElseThrow(() -> new NotSimulatedException(upstream.source()));
    }

    private static void requireServed(SimulatedMarket market, String symbol) {
        if (market.served(symbol).isEmpty()) {
            throw new NotASimulatedSymbolException("symbol", symbol);
        }
    }

    /**
     * The generator thread's answer: a symbol it no longer streams is the caller's 404 as it threw
     * it, a market that has stopped or does not answer is this server's 503.
     */
    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw unavailable(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw unavailable(
                    "The simulated market did not answer within " + PATIENCE_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while waiting for the simulated market");
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(
                503, "simulator_unavailable", "Simulated market unavailable", detail);
    }

    /** One path on its way: each step schedules the next, due relative to the path's start. */
    private final class RunningPath {

        final long id;
        final String symbol;
        final PricePath path;
        final SimulatedMarket market;
        final Instant startedAt;
        private final long startNanos = System.nanoTime();
        private volatile int done;
        private boolean stopped;
        private Future<?> next;

        RunningPath(
                long id, String symbol, PricePath path, SimulatedMarket market, Instant startedAt) {
            this.id = id;
            this.symbol = symbol;
            this.path = path;
            this.market = market;
            this.startedAt = startedAt;
        }

        ScriptedPath view() {
            return new ScriptedPath(
                    id,
                    symbol,
                    path.from(),
                    path.to(),
                    path.steps(),
                    done,
                    path.duration(),
                    startedAt);
        }

        synchronized void scheduleNext() {
            if (stopped) {
                return;
            }
            long delay = startNanos + path.dueNanos(done + 1) - System.nanoTime();
            next = scheduler.schedule(this::step, Math.max(0, delay), TimeUnit.NANOSECONDS);
        }

        /** Stopped, no step of this path injects anything any more. */
        synchronized void stop() {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }

        private void step() {
            boolean last;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                int step = done + 1;
                try {
                    await(market.inject(List.of(SimulatedTick.at(symbol, path.price(step)))));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The path of " + symbol + " stops: " + e.getMessage());
                    stopped = true;
                }
                if (!stopped) {
                    done = step;
                }
                last = stopped || done == path.steps();
                if (!last) {
                    scheduleNext();
                }
            }
            if (last) {
                finished(this);
            }
        }
    }
}

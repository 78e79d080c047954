package org.tickerdesk.analytics.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.CandleChanged;
import org.tickerdesk.analytics.entity.DailyStats;
import org.tickerdesk.analytics.entity.IndicatorChanged;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Runs {@link TickAnalysis} on the feed's quotes without holding the feed up: each quote is offered
 * to a bounded queue and the observer returns; a worker thread of analytics' own takes them from
 * there. A full queue drops the quote and counts it ({@link #droppedQuotes()}, and the metric
 * {@code tickerdesk_analytics_dropped_quotes_total}), with a warning at most once a minute. What
 * changed goes out as {@link CandleChanged} and {@link IndicatorChanged} on the worker's thread.
 *
 * <p>Indicators are computed for what somebody wants ({@link #want}, {@link #release}) and on
 * request; their series are seeded from stored bars ({@link StoredSeeds}) outside the lock, so the
 * worker never waits for the database.
 */
@ApplicationScoped
public class LiveAnalytics {

    private static final Logger LOG = Logger.getLogger(LiveAnalytics.class.getName());

    static final int QUEUE_CAPACITY = 65_536;

    /** How long after its end a quiet candle is closed, so a trade on its way is not late. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    @Resource ManagedThreadFactory threads;

    @Inject Clock clock;

    @Inject StoredSeeds seeds;

    @Inject Event<CandleChanged> candleEvents;

    @Inject Event<IndicatorChanged> indicatorEvents;

    BlockingQueue<Quote> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

    private final TickAnalysis analysis = new TickAnalysis(GRACE);
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile Counter published;
    private volatile boolean running;
    private Thread worker;

    @PostConstruct
    void start() {
        running = true;
        worker = threads.newThread(this::work);
        worker.setName("tickerdesk-analytics");
        worker.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        worker.interrupt();
    }

    /** On the feed's thread: never blocks, never waits for analytics. */
    void observe(@Observes Quote quote) {
        if (!queue.offer(quote)) {
            dropped.increment();
            Counter counter = published;
            if (counter != null) {
                counter.inc();
            }
            warnAboutDrops();
        }
    }

    /** Later drops are also counted into {@code counter}, the metric. */
    public void publishDropsTo(Counter counter) {
        published = counter;
    }

    /** Quotes dropped since the start because the queue was full. */
    public long droppedQuotes() {
        return dropped.sum();
    }

    public synchronized long lateTrades() {
        return analysis.lateTrades();
    }

    /** Closes the candles whose period is over; a timer calls it every second. */
    public void closeDue() {
        TickAnalysis.Changes changes;
        synchronized (this) {
            changes = analysis.closeDue(clock.instant());
        }
        fire(changes);
    }

    public synchronized Optional<DailyStats> stats(String symbol) {
        return analysis.stats(symbol, clock.instant());
    }

    /** The kept live candles of a live interval and the forming one, oldest first. */
    public synchronized List<Candle> candles(String symbol, BarSize interval) {
        return analysis.candles(symbol, interval);
    }

    public synchronized Optional<WhatToShow> liveSeries(String symbol) {
        return analysis.liveSeries(symbol);
    }

    /** The indicator's last {@code count} values, oldest first, its series seeded if need be. */
    public List<IndicatorValue> indicator(
            String symbol, BarSize interval, IndicatorSpec spec, int count) {
        seeded(symbol, interval);
        synchronized (this) {
            seedIfDropped(symbol, interval);
            return analysis.recent(symbol, interval, spec, count);
        }
    }

    /**
     * From now on, every change of the indicator is fired as {@link IndicatorChanged}, until as
     * many {@link #release} calls; returns its value now (empty while there are no bars).
     */
    public Optional<IndicatorValue> want(String symbol, BarSize interval, IndicatorSpec spec) {
        requireLive(interval);
        seeded(symbol, interval);
        synchronized (this) {
            seedIfDropped(symbol, interval);
            analysis.want(symbol, interval, spec);
            List<IndicatorValue> now = analysis.recent(symbol, interval, spec, 1);
            return now.stream().findFirst();
        }
    }

    public synchronized void release(String symbol, BarSize interval, IndicatorSpec spec) {
        analysis.release(symbol, interval, spec);
    }

    private void seeded(String symbol, BarSize interval) {
        Optional<WhatToShow> live;
        List<Candle> candles;
        synchronized (this) {
            if (analysis.hasSeries(symbol, interval)) {
                return;
            }
            live = analysis.liveSeries(symbol);
            candles = analysis.candles(symbol, interval);
        }
        List<Bar> stored =
                seeds.before(
                        symbol,
                        interval,
                        live,
                        candles.isEmpty() ? null : candles.get(0).start(),
                        TickAnalysis.MAX_BARS);
        synchronized (this) {
            analysis.seed(symbol, interval, stored);
        }
    }

    /** Another thread's request may have dropped it meanwhile; the live candles still seed it. */
    private void seedIfDropped(String symbol, BarSize interval) {
        if (!analysis.hasSeries(symbol, interval)) {
            analysis.seed(symbol, interval, List.of());
        }
    }

    private static void requireLive(BarSize interval) {
        if (!CandleAggregator.INTERVALS.contains(interval)) {
            throw new IllegalArgumentException(
                    "Live candles are " + CandleAggregator.INTERVALS + ", not " + interval.label());
        }
    }

    private void work() {
        while (running) {
            try {
                Quote quote = queue.poll(1, TimeUnit.SECONDS);
                if (quote != null) {
                    TickAnalysis.Changes changes;
                    synchronized (this) {
                        changes = analysis.accept(quote);
                    }
                    fire(changes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Analysing a quote failed; analytics carries on", e);
            }
        }
    }

    private void fire(TickAnalysis.Changes changes) {
        if (!changes.candles().isEmpty()) {
            candleEvents.fire(new CandleChanged(changes.candles()));
        }
        changes.indicators().forEach(v -> indicatorEvents.fire(new IndicatorChanged(v)));
    }

    private void warnAboutDrops() {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warning(
                    () ->
                            "Analytics cannot keep up with the feed: "
                                    + dropped.sum()
                                    + " quotes dropped since the start. Volumes stay right (a"
                                    + " trade is read from the growth of the day's volume), but"
                                    + " prices between the quotes kept are missed");
        }
    }
}

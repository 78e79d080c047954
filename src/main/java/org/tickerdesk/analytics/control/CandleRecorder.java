package org.tickerdesk.analytics.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.CandleChanged;
import org.tickerdesk.history.control.BarStore;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * Writes every closed live candle to the stored bars (source {@value #SOURCE}), so that a chart and
 * the indicators have them after a restart and a backtest can read them. Closed candles gather in a
 * bounded queue and the recorder's own thread writes them every second, one write per series; a bar
 * already stored (collected from the source) is left as it is. When the database falls behind and
 * the queue is full, a candle is dropped and counted, never held without bound.
 */
@ApplicationScoped
public class CandleRecorder {

    static final String SOURCE = "live";
    static final int CAPACITY = 50_000;

    private static final Logger LOG = Logger.getLogger(CandleRecorder.class.getName());

    private record Series(String symbol, BarSize interval, WhatToShow whatToShow) {}

    @Inject BarStore bars;

    @Inject InstrumentCatalog catalog;

    @Inject LiveAnalytics analytics;

    @Inject Clock clock;

    @Resource ManagedThreadFactory threads;

    private final ArrayBlockingQueue<Candle> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean running;
    private Thread writer;

    @PostConstruct
    void start() {
        running = true;
        writer = threads.newThread(this::drain);
        writer.setName("tickerdesk-candle-recorder");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    void onCandle(@Observes CandleChanged change) {
        for (Candle candle : change.candles()) {
            if (candle.closed() && !queue.offer(candle)) {
                dropped.increment();
            }
        }
    }

    public long recorded() {
        return recorded.sum();
    }

    /** Closed candles not written: dropped with the queue full, or refused by the database. */
    public long lost() {
        return dropped.sum() + failed.sum();
    }

    private void drain() {
        List<Candle> batch = new ArrayList<>();
        while (running) {
            try {
                Candle first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Candle> candles) {
        Map<Series, List<Bar>> bySeries = new LinkedHashMap<>();
        for (Candle candle : candles) {
            WhatToShow series = analytics.liveSeries(candle.symbol()).orElse(WhatToShow.TRADES);
            bySeries.computeIfAbsent(
                            new Series(candle.symbol(), candle.interval(), series),
                            s -> new ArrayList<>())
                    .add(bar(candle, series));
        }
        bySeries.forEach(this::write);
    }

    private void write(Series series, List<Bar> candles) {
        try {
            Long id = catalog.find(series.symbol()).map(Instrument::id).orElse(null);
            if (id == null) {
                failed.add(candles.size());
                return;
            }
            bars.fillIn(
                    id, series.interval(), series.whatToShow(), SOURCE, clock.instant(), candles);
            recorded.add(candles.size());
        } catch (RuntimeException e) {
            failed.add(candles.size());
            LOG.log(
                    Level.WARNING,
                    "Recording {0} closed {1} candles of {2} failed: {3}",
                    new Object[] {
                        candles.size(), series.interval().label(), series.symbol(), e.toString()
                    });
        }
    }

    /** A candle as a bar; an instrument that never trades has no volume, as IB's MIDPOINT. */
    static Bar bar(Candle candle, WhatToShow series) {
        boolean traded = series == WhatToShow.TRADES;
        return new Bar(
                candle.start(),
                BigDecimal.valueOf(candle.open()),
                BigDecimal.valueOf(candle.high()),
                BigDecimal.valueOf(candle.low()),
                BigDecimal.valueOf(candle.close()),
                traded ? BigDecimal.valueOf(candle.volume()) : null,
                null,
                traded ? (int) Math.min(Integer.MAX_VALUE, candle.trades()) : null);
    }
}

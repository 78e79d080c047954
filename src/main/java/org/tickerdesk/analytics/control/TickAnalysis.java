package org.tickerdesk.analytics.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.DailyStats;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.analytics.entity.Trade;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Everything analytics knows, from the quotes it was given: trades become candles ({@link
 * CandleAggregator}) and 24-hour statistics ({@link DailyWindow}); the last {@link #KEPT_CANDLES}
 * closed candles of each symbol and interval are kept for charts; indicator series exist for the
 * symbol and interval somebody wants or lately read, and the values of wanted indicators come out
 * with each candle that changes them.
 *
 * <p>Memory is bounded: a symbol holds at most 5 × {@value #KEPT_CANDLES} candles and a day of
 * minute buckets; series nobody wants are dropped, least lately read first, beyond {@value
 * #MAX_UNWANTED_SERIES}. Not thread-safe: {@link LiveAnalytics} serialises it.
 */
public final class TickAnalysis {

    public static final int KEPT_CANDLES = 300;
    public static final int MAX_BARS = 500;
    static final int MAX_UNWANTED_SERIES = 100;

    /** What one quote or one closing round changed. */
    public record Changes(List<Candle> candles, List<IndicatorValue> indicators) {

        public static final Changes NONE = new Changes(List.of(), List.of());

        public Changes {
            candles = List.copyOf(candles);
            indicators = List.copyOf(indicators);
        }
    }

    private record Key(String symbol, BarSize interval) {}

    private final TradeDetector detector = new TradeDetector();
    private final CandleAggregator aggregator;
    private final DailyWindow window = new DailyWindow();
    private final Map<Key, ArrayDeque<Candle>> closed = new HashMap<>();
    private final Map<String, Boolean> midpoints = new HashMap<>();
    private final Map<Key, IndicatorSeries> series = new LinkedHashMap<>();
    private final Map<Key, Map<IndicatorSpec, Integer>> wanted = new HashMap<>();

    public TickAnalysis(Duration grace) {
        aggregator = new CandleAggregator(grace);
    }

    public Changes accept(Quote quote) {
        Optional<Trade> trade = detector.read(quote);
        if (trade.isEmpty()) {
            return Changes.NONE;
        }
        midpoints.put(quote.symbol(), trade.get().midpoint());
        window.accept(trade.get());
        return changed(aggregator.accept(trade.get()));
    }

    /** Closes the candles whose period ended the aggregator's grace before {@code now}. */
    public Changes closeDue(Instant now) {
        return changed(aggregator.closeDue(now));
    }

    public Optional<DailyStats> stats(String symbol, Instant now) {
        return window.stats(symbol, now);
    }

    /** The kept closed candles and the forming one, oldest first. */
    public List<Candle> candles(String symbol, BarSize interval) {
        ArrayDeque<Candle> kept = closed.get(new Key(symbol, interval));
        List<Candle> candles = kept == null ? new ArrayList<>() : new ArrayList<>(kept);
        aggregator.forming(symbol, interval).ifPresent(candles::add);
        return candles;
    }

    /** The series the live candles are made of: TRADES, or MIDPOINT for what never trades. */
    public Optional<WhatToShow> liveSeries(String symbol) {
        Boolean midpoint = midpoints.get(symbol);
        return midpoint == null
                ? Optional.empty()
                : Optional.of(midpoint ? WhatToShow.MIDPOINT : WhatToShow.TRADES);
    }

    public boolean hasSeries(String symbol, BarSize interval) {
        return series.containsKey(new Key(symbol, interval));
    }

    /**
     * Makes the indicator series of a symbol and interval from stored bars (oldest first) and the
     * live candles: stored ones from before the first live candle, then the live ones.
     */
    public void seed(String symbol, BarSize interval, List<Bar> stored) {
        Key key = new Key(symbol, interval);
        if (series.containsKey(key)) {
            return;
        }
        IndicatorSeries made = new IndicatorSeries(symbol, interval, MAX_BARS);
        List<Candle> live = candles(symbol, interval);
        Instant liveStart = live.isEmpty() ? null : live.get(0).start();
        stored.stream()
                .filter(bar -> liveStart == null || bar.start().isBefore(liveStart))
                .forEach(made::add);
        live.forEach(made::update);
        series.put(key, made);
        dropUnwanted();
    }

    /** The indicator's last {@code count} values; the series must have been seeded. */
    public List<IndicatorValue> recent(
            String symbol, BarSize interval, IndicatorSpec spec, int count) {
        Key key = new Key(symbol, interval);
        IndicatorSeries kept = series.remove(key);
        if (kept == null) {
            throw new IllegalStateException(symbol + " " + interval.label() + " is not seeded");
        }
        // put back last: the series read most lately is dropped last
        series.put(key, kept);
        return kept.recent(spec, count);
    }

    /** Counts one more wanter of the indicator; its values then come out with every change. */
    public void want(String symbol, BarSize interval, IndicatorSpec spec) {
        wanted.computeIfAbsent(new Key(symbol, interval), k -> new HashMap<>())
                .merge(spec, 1, Integer::sum);
    }

    /** Counts one wanter less; the last one gone, its values no longer come out. */
    public void release(String symbol, BarSize interval, IndicatorSpec spec) {
        Key key = new Key(symbol, interval);
        Map<IndicatorSpec, Integer> specs = wanted.get(key);
        if (specs == null || specs.computeIfPresent(spec, (s, n) -> n > 1 ? n - 1 : null) != null) {
            return;
        }
        if (specs.isEmpty()) {
            wanted.remove(key);
            dropUnwanted();
        }
    }

    public long lateTrades() {
        return aggregator.lateTrades();
    }

    private Changes changed(List<Candle> candles) {
        if (candles.isEmpty()) {
            return Changes.NONE;
        }
        List<IndicatorValue> values = new ArrayList<>();
        for (Candle candle : candles) {
            Key key = new Key(candle.symbol(), candle.interval());
            if (candle.closed()) {
                keep(key, candle);
            }
            IndicatorSeries kept = series.get(key);
            if (kept != null && kept.update(candle)) {
                wanted.getOrDefault(key, Map.of())
                        .keySet()
                        .forEach(spec -> values.add(kept.latest(spec)));
            }
        }
        return new Changes(candles, values);
    }

    private void keep(Key key, Candle candle) {
        ArrayDeque<Candle> kept = closed.computeIfAbsent(key, k -> new ArrayDeque<>());
        kept.addLast(candle);
        if (kept.size() > KEPT_CANDLES) {
            kept.removeFirst();
        }
    }

    private void dropUnwanted() {
        long unwanted = series.keySet().stream().filter(k -> !wanted.containsKey(k)).count();
        for (Iterator<Key> eldest = series.keySet().iterator();
                unwanted > MAX_UNWANTED_SERIES && eldest.hasNext(); ) {
            if (!wanted.containsKey(eldest.next())) {
                eldest.remove();
                unwanted--;
            }
        }
    }
}

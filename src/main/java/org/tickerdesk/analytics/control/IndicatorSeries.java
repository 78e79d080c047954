package org.tickerdesk.analytics.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;

/**
 * One symbol's bars of one interval in a ta4j series of at most {@code maxBars}, the oldest
 * dropped, and the indicators computed over it. A candle with the start of the last bar replaces it
 * (the forming candle, again and again), a later one is appended, an earlier one is ignored.
 *
 * <p>ta4j 0.17 caches an indicator's value of every bar but the series' last, which it computes
 * anew on each request; so a replaced last bar gives new values, and earlier bars, which no longer
 * change, are computed once. Recursive indicators (EMA, RSI, ATR, MACD) start at the oldest bar
 * kept, the first value being the first bar's own (EMA: its close; RSI's and ATR's Wilder averages:
 * its gain and loss, zero, and its range), so with a few hundred bars they have settled. Values
 * before {@link IndicatorSpec#barsNeeded()} bars are NaN. Not thread-safe.
 */
public final class IndicatorSeries {

    private final BarSize interval;
    private final String symbol;
    private final BarSeries series;
    private final Map<IndicatorSpec, List<Indicator<Num>>> indicators = new HashMap<>();
    private boolean lastClosed = true;

    public IndicatorSeries(String symbol, BarSize interval, int maxBars) {
        this.symbol = symbol;
        this.interval = interval;
        this.series =
                new BaseBarSeriesBuilder()
                        .withName(symbol + " " + interval.label())
                        .withNumTypeOf(DoubleNum.class)
                        .withMaxBarCount(maxBars)
                        .build();
    }

    /** A stored bar, final; its volume zero where the series has none. */
    public boolean add(Bar bar) {
        double volume = bar.volume() == null ? 0 : bar.volume().doubleValue();
        return put(
                bar.start(),
                bar.open().doubleValue(),
                bar.high().doubleValue(),
                bar.low().doubleValue(),
                bar.close().doubleValue(),
                volume,
                true);
    }

    /** Whether the candle changed the series: false for one older than its last bar. */
    public boolean update(Candle candle) {
        return put(
                candle.start(),
                candle.open(),
                candle.high(),
                candle.low(),
                candle.close(),
                candle.volume(),
                candle.closed());
    }

    public int bars() {
        return series.getBarCount();
    }

    /** Where the last bar starts; null while there is none. */
    public Instant lastStart() {
        return series.isEmpty() ? null : start(series.getEndIndex());
    }

    /** The value at the last bar; null while there is none. */
    public IndicatorValue latest(IndicatorSpec spec) {
        List<IndicatorValue> values = recent(spec, 1);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The values at the last {@code count} bars, oldest first. */
    public List<IndicatorValue> recent(IndicatorSpec spec, int count) {
        List<Indicator<Num>> components = indicators.computeIfAbsent(spec, this::build);
        int end = series.getEndIndex();
        int from = Math.max(series.getBeginIndex(), end - count + 1);
        List<IndicatorValue> values = new ArrayList<>(Math.max(0, end - from + 1));
        for (int i = from; i <= end && !series.isEmpty(); i++) {
            boolean settled = i - series.getBeginIndex() + 1 >= spec.barsNeeded();
            List<Double> numbers = new ArrayList<>(components.size());
            for (Indicator<Num> component : components) {
                numbers.add(settled ? number(component.getValue(i)) : Double.NaN);
            }
            boolean closed = i < end || lastClosed;
            values.add(new IndicatorValue(symbol, interval, spec, start(i), closed, numbers));
        }
        return values;
    }

    private boolean put(
            Instant start,
            double open,
            double high,
            double low,
            double close,
            double volume,
            boolean closed) {
        Instant last = lastStart();
        if (last != null && start.isBefore(last)) {
            return false;
        }
        series.addBar(
                new BaseBar(
                        interval.length(),
                        start.plus(interval.length()).atZone(ZoneOffset.UTC),
                        DoubleNum.valueOf(open),
                        DoubleNum.valueOf(high),
                        DoubleNum.valueOf(low),
                        DoubleNum.valueOf(close),
                        DoubleNum.valueOf(volume),
                        DoubleNum.valueOf(0)),
                start.equals(last));
        lastClosed = closed;
        return true;
    }

    private List<Indicator<Num>> build(IndicatorSpec spec) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        int n = spec.period();
        return switch (spec.type()) {
            case SMA -> List.of(new SMAIndicator(close, n));
            case EMA -> List.of(new EMAIndicator(close, n));
            case RSI -> List.of(new RSIIndicator(close, n));
            case ATR -> List.of(new ATRIndicator(series, n));
            case VWAP ->
                    List.of(
                            n == 0
                                    ? new SessionVwapIndicator(series)
                                    : new VWAPIndicator(series, n));
            case MACD -> {
                MACDIndicator macd = new MACDIndicator(close, 12, 26);
                EMAIndicator signal = new EMAIndicator(macd, 9);
                yield List.of(macd, signal, CombineIndicator.minus(macd, signal));
            }
            case BB -> {
                BollingerBandsMiddleIndicator middle =
                        new BollingerBandsMiddleIndicator(new SMAIndicator(close, n));
                StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, n);
                Num two = DoubleNum.valueOf(2);
                yield List.of(
                        new BollingerBandsUpperIndicator(middle, deviation, two),
                        middle,
                        new BollingerBandsLowerIndicator(middle, deviation, two));
            }
        };
    }

    private Instant start(int index) {
        return series.getBar(index).getBeginTime().toInstant();
    }

    private static double number(Num value) {
        double d = value.doubleValue();
        return Double.isFinite(d) ? d : Double.NaN;
    }
}

package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * The simulated market's history: bars for any instrument, any range, every bar size and series,
 * made up on the spot and the same every time. Each bar is a pure function of the seed ({@code
 * tickerdesk.sim.seed}), the symbol, the bar size, the series and the bar's start, so a range
 * fetched in other windows, fetched twice, or fetched again after a restart gives identical bars,
 * which is what a restarted collection relies on.
 *
 * <p>The simulated market never closes, so regular hours make no difference: there is one bar per
 * bar length, aligned as the other sources align theirs: intraday bars on multiples of their length
 * since the epoch (UTC), daily bars at 00:00 UTC, weekly ones on Monday and monthly ones on the
 * first of the month.
 *
 * <p>Prices wander smoothly around a base price of the symbol's own (layers of interpolated hashed
 * values, hours to years long, moving the price by up to ±45 %), plus a little hashed noise at each
 * instant. The price at an instant does not depend on the bar size or series, so a bar closes where
 * the next opens and an hour's bar opens where its first minute does. BID and ASK lie half a spread
 * below and above it, BID_ASK spans both; high and low reach beyond open and close by a hashed
 * amount that grows with the bar's length. Only TRADES bars have volume, WAP (between low and high)
 * and a trade count, as IB has none for the quote series. Prices have four decimals.
 *
 * <p>Limits: a window of at most {@value #LONGEST_WINDOW_BARS} bar lengths (a longer one is
 * refused, never cut short), {@value #PARALLELISM} windows at once. Nothing here is transient: the
 * bars are computed, never fetched, so the timeout is not needed.
 */
@ApplicationScoped
@HistorySource.ConfiguredAs(HistorySourceName.SIMULATED)
public class SimulatedHistory implements HistorySource {

    static final int LONGEST_WINDOW_BARS = 10_000;
    static final int PARALLELISM = 4;

    /** Prices are computed in units of 1/10,000 and scaled once. */
    private static final int DECIMALS = 4;

    private static final double UNITS = 10_000.0;

    /** How long each layer of the wander is, from one knot to the next, and how far it moves. */
    private static final long[] LAYER_SECONDS = {
        3_600, 21_600, 2 * 86_400, 16 * 86_400, 128 * 86_400, 1_024 * 86_400
    };

    private static final double[] LAYER_REACH = {0.002, 0.006, 0.02, 0.06, 0.14, 0.22};
    private static final double NOISE = 0.0003;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long seed;

    protected SimulatedHistory() {
        // for CDI
    }

    @Inject
    public SimulatedHistory(@ConfigProperty(name = "tickerdesk.sim.seed") long seed) {
        this.seed = seed;
    }

    @Override
    public HistorySourceName name() {
        return HistorySourceName.SIMULATED;
    }

    @Override
    public Optional<Duration> longestWindow(BarSize barSize) {
        return Optional.of(barSize.length().multipliedBy(LONGEST_WINDOW_BARS));
    }

    @Override
    public int parallelism() {
        return PARALLELISM;
    }

    @Override
    public SourceBars bars(HistoryWindow window, Duration timeout) {
        Duration longest = longestWindow(window.barSize()).orElseThrow();
        if (Duration.between(window.from(), window.to()).compareTo(longest) > 0) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    "The simulated history serves at most "
                            + LONGEST_WINDOW_BARS
                            + " bars a request; "
                            + window.describe()
                            + " is longer");
        }
        return SourceBars.of(new Series(seed, window).bars());
    }

    /** The bars of one window: its series' constants worked out once, then one bar per step. */
    private static final class Series {

        private final HistoryWindow window;
        private final long path;
        private final long series;
        private final double base;
        private final double halfSpread;
        private final double reach;
        private final double volumePerMinute;
        private final double minutes;
        private final double tradeSize;

        Series(long seed, HistoryWindow window) {
            this.window = window;
            String symbol = window.contract().symbol();
            this.path = mix(seed ^ mix(text(symbol)));
            this.series =
                    mix(
                            path
                                    ^ mix(text(window.barSize().label()))
                                    ^ mix(~text(window.whatToShow().name())));
            this.base = 5.0 * StrictMath.pow(160.0, unit(mix(path + 1)));
            this.halfSpread = 0.0001 + 0.0004 * unit(mix(path + 2));
            this.volumePerMinute = 500.0 + 20_000.0 * unit(mix(path + 3));
            this.tradeSize = 50.0 + 250.0 * unit(mix(path + 4));
            this.minutes = window.barSize().length().toSeconds() / 60.0;
            this.reach = Math.min(0.06, 0.0004 * Math.sqrt(minutes));
        }

        List<Bar> bars() {
            List<Bar> bars = new ArrayList<>();
            Instant start = firstStart(window.barSize(), window.from());
            if (!start.isBefore(window.to())) {
                return bars;
            }
            double open = price(start.getEpochSecond());
            while (start.isBefore(window.to())) {
                Instant end = next(window.barSize(), start);
                double close = price(end.getEpochSecond());
                bars.add(bar(start, open, close));
                start = end;
                open = close;
            }
            return bars;
        }

        /** The price at an instant, whatever the bar size or series. */
        private double price(long second) {
            double wander = 0;
            for (int layer = 0; layer < LAYER_SECONDS.length; layer++) {
                long length = LAYER_SECONDS[layer];
                long knot = Math.floorDiv(second, length);
                double f = (double) (second - knot * length) / length;
                double smooth = f * f * (3 - 2 * f);
                double a = signed(mix(path ^ mix(knot * 8 + layer)));
                double b = signed(mix(path ^ mix((knot + 1) * 8 + layer)));
                wander += LAYER_REACH[layer] * (a + (b - a) * smooth);
            }
            double noise = NOISE * signed(mix(~path ^ mix(second)));
            return base * (1 + wander) * (1 + noise);
        }

        private Bar bar(Instant start, double atStart, double atEnd) {
            long key = mix(series ^ mix(start.getEpochSecond()));
            double up = reach * unit(key);
            double down = reach * unit(mix(key + 1));
            double open = atStart;
            double close = atEnd;
            double lowSide = 1;
            double highSide = 1;
            switch (window.whatToShow()) {
                case BID -> {
                    open *= 1 - halfSpread;
                    close *= 1 - halfSpread;
                }
                case ASK -> {
                    open *= 1 + halfSpread;
                    close *= 1 + halfSpread;
                }
                case BID_ASK -> {
                    open *= 1 - halfSpread;
                    close *= 1 + halfSpread;
                    lowSide = 1 - halfSpread;
                    highSide = 1 + halfSpread;
                }
                default -> {
                    // TRADES and MIDPOINT are the price itself
                }
            }
            long o = units(open);
            long c = units(close);
            long h = Math.max(Math.max(o, c), units(Math.max(open, close) * highSide * (1 + up)));
            long l =
                    Math.max(
                            1,
                            Math.min(
                                    Math.min(o, c),
                                    units(Math.min(open, close) * lowSide * (1 - down))));
            if (window.whatToShow() != WhatToShow.TRADES) {
                return new Bar(
                        start, decimal(o), decimal(h), decimal(l), decimal(c), null, null, null);
            }
            long volume =
                    Math.max(
                            1,
                            Math.round(
                                    volumePerMinute * minutes * (0.3 + 1.4 * unit(mix(key + 2)))));
            long wap = l + Math.round((h - l) * (0.25 + 0.5 * unit(mix(key + 3))));
            int count = (int) Math.max(1, Math.min(Integer.MAX_VALUE, volume / tradeSize));
            return new Bar(
                    start,
                    decimal(o),
                    decimal(h),
                    decimal(l),
                    decimal(c),
                    BigDecimal.valueOf(volume),
                    decimal(wap),
                    count);
        }
    }

    /** The first bar start at or after {@code from}, aligned as the class comment says. */
    static Instant firstStart(BarSize size, Instant from) {
        if (!size.isDailyOrLonger()) {
            long length = size.length().toSeconds();
            long second = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
            return Instant.ofEpochSecond(-Math.floorDiv(-second, length) * length);
        }
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        if (day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(from)) {
            day = day.plusDays(1);
        }
        LocalDate start =
                switch (size) {
                    case WEEK_1 -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                    case MONTH_1 ->
                            day.getDayOfMonth() == 1 ? day : day.withDayOfMonth(1).plusMonths(1);
                    default -> day;
                };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the bar after the one starting at {@code start}. */
    static Instant next(BarSize size, Instant start) {
        return switch (size) {
            case MONTH_1 ->
                    LocalDate.ofInstant(start, ZoneOffset.UTC)
                            .plusMonths(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
            default -> start.plus(size.length());
        };
    }

    private static long units(double price) {
        return Math.round(price * UNITS);
    }

    private static BigDecimal decimal(long units) {
        return BigDecimal.valueOf(units, DECIMALS);
    }

    /** A text's 64-bit FNV-1a hash: the same on every machine and in every run. */
    private static long text(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: every input bit moves every output bit. */
    private static long mix(long z) {
        z += GOLDEN;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** In [0, 1). */
    private static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** In [-1, 1). */
    private static double signed(long hash) {
        return 2 * unit(hash) - 1;
    }
}

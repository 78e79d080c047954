package org.tickerdesk.ibkr.history;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.tickerdesk.history.entity.BarSize;

/**
 * How IB spells each bar size ("1 min", "2 hours", "1 day") and the longest duration one
 * reqHistoricalData may ask for at that size, after IB's table of historical data limitations: 1800
 * S of 1-second bars, 3600 S of 5-second, 14400 S of 10- and 15-second, 28800 S of 30-second, 1 D
 * of 1-minute, 2 D of 2-minute, 1 W up to 20 minutes, 1 M up to 8 hours and 1 Y of daily and longer
 * bars. Nothing outside ibkr sees these spellings.
 */
public final class IbBarSizes {

    private record Spelling(String ib, Duration longest) {}

    private static final Map<BarSize, Spelling> SPELLINGS = new EnumMap<>(BarSize.class);

    static {
        put(BarSize.SEC_1, "1 secs", Duration.ofSeconds(1800));
        put(BarSize.SEC_5, "5 secs", Duration.ofSeconds(3600));
        put(BarSize.SEC_10, "10 secs", Duration.ofSeconds(14400));
        put(BarSize.SEC_15, "15 secs", Duration.ofSeconds(14400));
        put(BarSize.SEC_30, "30 secs", Duration.ofSeconds(28800));
        put(BarSize.MIN_1, "1 min", Duration.ofDays(1));
        put(BarSize.MIN_2, "2 mins", Duration.ofDays(2));
        put(BarSize.MIN_3, "3 mins", Duration.ofDays(7));
        put(BarSize.MIN_5, "5 mins", Duration.ofDays(7));
        put(BarSize.MIN_10, "10 mins", Duration.ofDays(7));
        put(BarSize.MIN_15, "15 mins", Duration.ofDays(7));
        put(BarSize.MIN_20, "20 mins", Duration.ofDays(7));
        put(BarSize.MIN_30, "30 mins", Duration.ofDays(30));
        put(BarSize.HOUR_1, "1 hour", Duration.ofDays(30));
        put(BarSize.HOUR_2, "2 hours", Duration.ofDays(30));
        put(BarSize.HOUR_3, "3 hours", Duration.ofDays(30));
        put(BarSize.HOUR_4, "4 hours", Duration.ofDays(30));
        put(BarSize.HOUR_8, "8 hours", Duration.ofDays(30));
        put(BarSize.DAY_1, "1 day", Duration.ofDays(365));
        put(BarSize.WEEK_1, "1 week", Duration.ofDays(365));
        put(BarSize.MONTH_1, "1 month", Duration.ofDays(365));
    }

    private IbBarSizes() {}

    private static void put(BarSize size, String ib, Duration longest) {
        SPELLINGS.put(size, new Spelling(ib, longest));
    }

    public static String spelling(BarSize size) {
        return SPELLINGS.get(size).ib();
    }

    public static Duration longestWindow(BarSize size) {
        return SPELLINGS.get(size).longest();
    }

    /**
     * The shortest duration IB accepts that reaches back over {@code span}: seconds up to a day,
     * whole days short of a year, "1 Y" for a year, whole years beyond (a window longer than {@link
     * #longestWindow} is not asked for, but should one be, it is still covered).
     */
    public static Lookback lookback(Duration span) {
        long seconds = Math.max(1, span.toSeconds() + (span.toNanosPart() > 0 ? 1 : 0));
        if (seconds <= 86_400) {
            return new Lookback((int) seconds, Lookback.Unit.S);
        }
        long days = (seconds + 86_399) / 86_400;
        if (days < 365) {
            return new Lookback((int) days, Lookback.Unit.D);
        }
        return new Lookback((int) Math.min(Integer.MAX_VALUE, (days + 364) / 365), Lookback.Unit.Y);
    }
}

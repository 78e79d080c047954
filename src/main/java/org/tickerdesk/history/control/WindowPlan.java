package org.tickerdesk.history.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.TimeRange;

/**
 * Splits the stretches an instrument needs into request windows no longer than the source allows,
 * oldest first, each starting where the one before ended, so that a window's end is the next one's
 * cursor.
 */
public final class WindowPlan {

    private WindowPlan() {}

    public static List<TimeRange> windows(List<TimeRange> stretches, Duration longest) {
        if (longest.isZero() || longest.isNegative()) {
            throw new IllegalArgumentException("A window must be longer than zero, not " + longest);
        }
        List<TimeRange> windows = new ArrayList<>();
        for (TimeRange stretch : stretches) {
            Instant from = stretch.from();
            while (from.isBefore(stretch.to())) {
                Instant to = min(from.plus(longest), stretch.to());
                windows.add(new TimeRange(from, to));
                from = to;
            }
        }
        return windows;
    }

    /**
     * The end of "up to now": the start of the bar that is still forming, so only finished bars are
     * collected and the next incremental run takes the forming one when it is done. Bars of a day
     * or longer end at the start of today (UTC).
     */
    public static Instant upToNow(BarSize barSize, Instant now) {
        long step = barSize.isDailyOrLonger() ? 86_400 : barSize.length().toSeconds();
        long seconds = now.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, step));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package org.tickerdesk.analytics.control;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.Num;

/**
 * The session VWAP, which ta4j lacks (its {@code VWAPIndicator} rolls over a fixed number of bars):
 * the typical price ((high + low + close) / 3) weighted by volume over the bars of the bar's UTC
 * day up to it, so it starts afresh at 00:00 UTC with each day's 1d candle. NaN without volume.
 */
final class SessionVwapIndicator extends CachedIndicator<Num> {

    SessionVwapIndicator(BarSeries series) {
        super(series);
    }

    @Override
    protected Num calculate(int index) {
        BarSeries series = getBarSeries();
        LocalDate day = day(series.getBar(index));
        Num weighted = zero();
        Num volume = zero();
        for (int i = index; i >= series.getBeginIndex() && day(series.getBar(i)).equals(day); i--) {
            Bar bar = series.getBar(i);
            Num typical =
                    bar.getHighPrice()
                            .plus(bar.getLowPrice())
                            .plus(bar.getClosePrice())
                            .dividedBy(numOf(3));
            weighted = weighted.plus(typical.multipliedBy(bar.getVolume()));
            volume = volume.plus(bar.getVolume());
        }
        return volume.isZero() ? org.ta4j.core.num.NaN.NaN : weighted.dividedBy(volume);
    }

    @Override
    public int getUnstableBars() {
        return 0;
    }

    private static LocalDate day(Bar bar) {
        return bar.getBeginTime().withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}

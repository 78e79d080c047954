package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.trading.entity.ExitReason;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.Offset;
import org.tickerdesk.trading.entity.TakeProfitStep;
import org.tickerdesk.trading.entity.Trailing;
import org.tickerdesk.trading.entity.TriggerPrice;

/** A price touches only the positions whose levels it reached. */
class TriggerIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-30T15:00:00Z");

    private static Guard guard(long id, double entry, boolean isLong, ExitRules rules) {
        return new Guard(id, "AAPL", rules, new ExitWatch(entry, isLong, T0, rules), 10);
    }

    private static ExitRules stopAndTarget(double stopPercent, double targetPercent) {
        return new ExitRules(
                Offset.percent(stopPercent),
                null,
                null,
                List.of(new TakeProfitStep(Offset.percent(targetPercent), 1)),
                null,
                List.of(),
                TriggerPrice.LAST);
    }

    @Test
    void aTickTouchesOnlyTheStopsItCrossed() {
        TriggerIndex index = new TriggerIndex();
        // longs entered at 100 with stops 1 %, 2 %, … 10 % below: 99, 98, … 90
        for (int i = 1; i <= 10; i++) {
            index.put(guard(i, 100, true, stopAndTarget(i, 50)), T0);
        }
        List<TriggerIndex.Touched> touched = index.onQuote(97.5, Double.NaN, Double.NaN, T0);
        // 99, 98 reached; 97 and below not
        assertEquals(
                List.of(1L, 2L), touched.stream().map(t -> t.guard().positionId).sorted().toList());
        assertTrue(
                touched.stream().allMatch(t -> t.fired().get(0).reason() == ExitReason.STOP_LOSS));
        assertEquals(List.of(), index.onQuote(97.5, Double.NaN, Double.NaN, T0));
        assertEquals(10, index.size());
    }

    @Test
    void shortsAreTouchedFromTheOtherSide() {
        TriggerIndex index = new TriggerIndex();
        index.put(guard(1, 100, false, stopAndTarget(2, 5)), T0); // stop 102, target 95
        index.put(guard(2, 100, true, stopAndTarget(2, 5)), T0); // stop 98, target 105
        List<TriggerIndex.Touched> up = index.onQuote(102.5, Double.NaN, Double.NaN, T0);
        assertEquals(1, up.size());
        assertEquals(1L, up.get(0).guard().positionId);
        assertEquals(ExitReason.STOP_LOSS, up.get(0).fired().get(0).reason());
        List<TriggerIndex.Touched> rally = index.onQuote(105, Double.NaN, Double.NaN, T0);
        assertEquals(2L, rally.get(0).guard().positionId);
        assertEquals(ExitReason.TAKE_PROFIT, rally.get(0).fired().get(0).reason());
    }

    @Test
    void aTrailingStopIsTouchedOnEveryNewBestAndRefiled() {
        TriggerIndex index = new TriggerIndex();
        ExitRules trailing =
                new ExitRules(
                        null,
                        null,
                        new Trailing(Offset.amount(2), null),
                        List.of(),
                        null,
                        List.of(),
                        TriggerPrice.LAST);
        index.put(guard(1, 100, true, trailing), T0); // stop 98
        assertEquals(1, index.onQuote(101, Double.NaN, Double.NaN, T0).size()); // best 101
        assertEquals(0, index.onQuote(100, Double.NaN, Double.NaN, T0).size()); // stop 99
        List<TriggerIndex.Touched> fall = index.onQuote(98.9, Double.NaN, Double.NaN, T0);
        assertEquals(ExitReason.TRAILING_STOP, fall.get(0).fired().get(0).reason());
        assertEquals(99, fall.get(0).fired().get(0).level(), 1e-9);
    }

    @Test
    void aThousandPositionsOneTickOneThousandTouched() {
        TriggerIndex index = new TriggerIndex();
        for (int i = 0; i < 1000; i++) {
            index.put(guard(i, 100, true, stopAndTarget(1, 50)), T0);
        }
        assertEquals(0, index.onQuote(99.5, Double.NaN, Double.NaN, T0).size());
        assertEquals(1000, index.onQuote(98.9, Double.NaN, Double.NaN, T0).size());
        assertEquals(0, index.onQuote(90, Double.NaN, Double.NaN, T0).size());
    }
}

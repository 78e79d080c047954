package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.trading.entity.ExitReason;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.ExitSignal;
import org.tickerdesk.trading.entity.Offset;
import org.tickerdesk.trading.entity.RoiStep;
import org.tickerdesk.trading.entity.TakeProfitStep;
import org.tickerdesk.trading.entity.Trailing;
import org.tickerdesk.trading.entity.TriggerPrice;

/**
 * Each rule against a price path worked out by hand; the entry is 100 unless said otherwise, so a
 * percent is also an amount of money.
 */
class ExitWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-30T15:00:00Z");
    private static final double DELTA = 1e-9;

    private static ExitRules rules(
            Offset stopLoss, Double breakEven, Trailing trailing, List<TakeProfitStep> ladder) {
        return new ExitRules(
                stopLoss, breakEven, trailing, ladder, null, List.of(), TriggerPrice.LAST);
    }

    /** Feeds last prices a second apart; returns every signal with the index of its price. */
    private static List<String> path(ExitWatch watch, double... lasts) {
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < lasts.length; i++) {
            for (ExitSignal s :
                    watch.onQuote(lasts[i], Double.NaN, Double.NaN, T0.plusSeconds(i))) {
                fired.add(describe(i, s));
            }
        }
        return fired;
    }

    private static String describe(int tick, ExitSignal s) {
        return "tick "
                + tick
                + ": "
                + s.reason()
                + (s.step() > 0 ? " " + s.step() : "")
                + " "
                + Math.round(s.fraction() * 100)
                + "% level "
                + (Double.isNaN(s.level()) ? "-" : String.format("%.3f", s.level()))
                + " at "
                + String.format("%.3f", s.price());
    }

    @Test
    void aLongsStopFiresAtThePriceThatGappedThroughIt() {
        ExitWatch watch =
                new ExitWatch(100, true, T0, rules(Offset.percent(2), null, null, List.of()));

        assertEquals(
                List.of("tick 2: STOP_LOSS 100% level 98.000 at 97.000"),
                path(watch, 99.5, 98.5, 97, 90));
        assertTrue(watch.isDone());
    }

    @Test
    void aShortsStopLiesAboveItsEntry() {
        ExitWatch watch =
                new ExitWatch(100, false, T0, rules(Offset.percent(2), null, null, List.of()));

        assertEquals(
                List.of("tick 1: STOP_LOSS 100% level 102.000 at 103.000"), path(watch, 101, 103));
    }

    @Test
    void theStopFiresAtItsLevelExactly() {
        ExitWatch watch =
                new ExitWatch(50, true, T0, rules(Offset.amount(1), null, null, List.of()));

        assertEquals(List.of("tick 0: STOP_LOSS 100% level 49.000 at 49.000"), path(watch, 49));
    }

    @Test
    void aTrailingStopFollowsTheBestPriceOnlyOnceItsActivationGainIsReached() {
        // 1 % behind the best price, from a gain of 2 %: nothing at 101 or 99 (not active); the
        // best 102.5 puts the stop at 101.475, the best 104 at 102.96; 103 stays above it
        ExitWatch watch =
                new ExitWatch(
                        100,
                        true,
                        T0,
                        rules(null, null, new Trailing(Offset.percent(1), 2.0), List.of()));

        assertEquals(
                List.of("tick 5: TRAILING_STOP 100% level 102.960 at 102.900"),
                path(watch, 101, 99, 102.5, 104, 103, 102.9));
    }

    @Test
    void aShortsTrailingStopFollowsTheLowestPrice() {
        ExitWatch watch =
                new ExitWatch(
                        100,
                        false,
                        T0,
                        rules(null, null, new Trailing(Offset.amount(1), null), List.of()));

        assertEquals(
                List.of("tick 2: TRAILING_STOP 100% level 98.000 at 98.500"),
                path(watch, 98, 97, 98.5));
    }

    @Test
    void breakEvenMovesTheStopToTheEntryAfterTheGain() {
        ExitWatch watch =
                new ExitWatch(100, true, T0, rules(Offset.percent(5), 1.0, null, List.of()));

        assertEquals(
                List.of("tick 2: BREAK_EVEN 100% level 100.000 at 99.900"),
                path(watch, 101.5, 100.2, 99.9));
    }

    @Test
    void theLadderClosesHalfAtFivePercentAndTheRestAtTen() {
        ExitWatch watch =
                new ExitWatch(
                        100,
                        true,
                        T0,
                        rules(
                                null,
                                null,
                                null,
                                List.of(
                                        new TakeProfitStep(Offset.percent(5), 0.5),
                                        new TakeProfitStep(Offset.percent(10), 0.5))));

        assertEquals(
                List.of(
                        "tick 1: TAKE_PROFIT 1 50% level 105.000 at 105.000",
                        "tick 3: TAKE_PROFIT 2 50% level 110.000 at 111.000"),
                path(watch, 104, 105, 107, 111, 120));
        assertTrue(watch.isDone());
    }

    @Test
    void aGapPastEveryRungFiresThemAllOnOneTickInOrder() {
        ExitWatch watch =
                new ExitWatch(
                        100,
                        true,
                        T0,
                        rules(
                                null,
                                null,
                                null,
                                List.of(
                                        new TakeProfitStep(Offset.percent(5), 0.5),
                                        new TakeProfitStep(Offset.percent(10), 0.5))));

        assertEquals(
                List.of(
                        "tick 0: TAKE_PROFIT 1 50% level 105.000 at 112.000",
                        "tick 0: TAKE_PROFIT 2 50% level 110.000 at 112.000"),
                path(watch, 112));
    }

    @Test
    void theStopClosesWhatTheLadderLeft() {
        ExitWatch watch =
                new ExitWatch(
                        100,
                        true,
                        T0,
                        rules(
                                Offset.percent(2),
                                null,
                                null,
                                List.of(new TakeProfitStep(Offset.percent(5), 0.25))));

        assertEquals(
                List.of(
                        "tick 0: TAKE_PROFIT 1 25% level 105.000 at 105.500",
                        "tick 1: STOP_LOSS 75% level 98.000 at 97.000"),
                path(watch, 105.5, 97));
    }

    @Test
    void theRoiTableAsksLessProfitTheLongerThePositionIsHeld() {
        // freqtrade's example: 4 % at once, 2 % after 20 minutes, any profit after 60
        ExitRules roi =
                new ExitRules(
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        List.of(new RoiStep(60, 0), new RoiStep(0, 4), new RoiStep(20, 2)),
                        TriggerPrice.LAST);
        ExitWatch early = new ExitWatch(100, true, T0, roi);
        assertEquals(List.of(), early.onQuote(103, 0, 0, T0.plus(Duration.ofMinutes(5))));
        assertEquals(
                List.of(ExitReason.ROI),
                early.onQuote(102.5, 0, 0, T0.plus(Duration.ofMinutes(25))).stream()
                        .map(ExitSignal::reason)
                        .toList());

        ExitWatch late = new ExitWatch(100, true, T0, roi);
        assertEquals(List.of(), late.onQuote(100.1, 0, 0, T0.plus(Duration.ofMinutes(30))));
        assertEquals(List.of(), late.onClock(T0.plus(Duration.ofMinutes(59))));
        List<ExitSignal> fired = late.onClock(T0.plus(Duration.ofMinutes(60)));
        assertEquals(List.of(ExitReason.ROI), fired.stream().map(ExitSignal::reason).toList());
        assertEquals(100.1, fired.get(0).price(), DELTA, "at the last price seen");
    }

    @Test
    void theTimeLimitFiresOnTheClockEvenWithoutAQuote() {
        ExitRules limit =
                new ExitRules(
                        null,
                        null,
                        null,
                        List.of(),
                        Duration.ofMinutes(30),
                        List.of(),
                        TriggerPrice.LAST);
        ExitWatch watch = new ExitWatch(100, true, T0, limit);

        assertEquals(List.of(), watch.onClock(T0.plus(Duration.ofMinutes(30)).minusSeconds(1)));
        List<ExitSignal> fired = watch.onClock(T0.plus(Duration.ofMinutes(30)));
        assertEquals(
                List.of(ExitReason.TIME_LIMIT), fired.stream().map(ExitSignal::reason).toList());
        assertEquals(1, fired.get(0).fraction(), DELTA);
        assertEquals(List.of(), watch.onClock(T0.plus(Duration.ofMinutes(31))), "once");
    }

    @Test
    void watchingTheClosingSideFiresALongOnItsBidAndAShortOnItsAsk() {
        ExitRules bidAsk =
                new ExitRules(
                        Offset.percent(2),
                        null,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        TriggerPrice.CLOSING_SIDE);

        ExitWatch longOne = new ExitWatch(100, true, T0, bidAsk);
        assertEquals(
                97.9,
                longOne.onQuote(99, 97.9, 99.1, T0).get(0).price(),
                DELTA,
                "the last trade at 99 would not have fired");

        ExitWatch shortOne = new ExitWatch(100, false, T0, bidAsk);
        assertEquals(List.of(), shortOne.onQuote(103, 101.5, 101.9, T0), "the last is not watched");
        assertEquals(102.1, shortOne.onQuote(101, 101.9, 102.1, T0).get(0).price(), DELTA);
    }

    @Test
    void aQuoteWithoutTheWatchedPriceFiresNothing() {
        ExitWatch watch =
                new ExitWatch(100, true, T0, rules(Offset.percent(2), null, null, List.of()));

        assertEquals(List.of(), watch.onQuote(Double.NaN, 90, 91, T0));
        assertEquals(98, watch.stopLevel(), DELTA);
    }

    @Test
    void anAbsoluteStopPriceFiresAtThatPrice() {
        ExitWatch watch =
                new ExitWatch(100, true, T0, rules(Offset.price(97.5), null, null, List.of()));
        assertEquals(
                List.of("tick 2: STOP_LOSS 100% level 97.500 at 97.400"),
                path(watch, 99, 97.6, 97.4));
    }

    @Test
    void theWakeLevelIsTheNearestPriceThatChangesAnything() {
        // rungs at 105 and 110, break-even after +3 % (103), trailing 2 after +4 % (104)
        ExitWatch watch =
                new ExitWatch(
                        100,
                        true,
                        T0,
                        rules(
                                Offset.percent(5),
                                3.0,
                                new Trailing(Offset.amount(2), 4.0),
                                List.of(
                                        new TakeProfitStep(Offset.percent(5), 0.5),
                                        new TakeProfitStep(Offset.percent(10), 0.5))));
        assertEquals(103, watch.wakeLevel(T0), DELTA);
        path(watch, 103.5);
        assertEquals(104, watch.wakeLevel(T0), DELTA);
        path(watch, 104.2);
        // trailing is active: every new best moves the stop, so the best is the wake level
        assertEquals(104.2, watch.wakeLevel(T0), DELTA);
        assertEquals(102.2, watch.stopLevel(), DELTA);
    }

    @Test
    void aShortWakesBelowItsEntry() {
        ExitWatch watch =
                new ExitWatch(
                        100,
                        false,
                        T0,
                        rules(
                                Offset.percent(5),
                                null,
                                null,
                                List.of(new TakeProfitStep(Offset.amount(4), 1))));
        assertEquals(96, watch.wakeLevel(T0), DELTA);
        assertEquals(105, watch.stopLevel(), DELTA);
    }

    @Test
    void theRoiTableWakesAtTheProfitItAsksForNow() {
        ExitWatch watch =
                new ExitWatch(
                        100,
                        true,
                        T0,
                        new ExitRules(
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                List.of(new RoiStep(0, 4), new RoiStep(30, 1)),
                                TriggerPrice.LAST));
        assertEquals(104, watch.wakeLevel(T0.plusSeconds(60)), DELTA);
        assertEquals(101, watch.wakeLevel(T0.plusSeconds(30 * 60)), DELTA);
    }

    @Test
    void aResumedWatchKeepsItsBestAndItsFiredRungs() {
        ExitWatch watch =
                new ExitWatch(
                        100,
                        true,
                        T0,
                        rules(
                                null,
                                null,
                                new Trailing(Offset.percent(10), null),
                                List.of(
                                        new TakeProfitStep(Offset.percent(5), 0.5),
                                        new TakeProfitStep(Offset.percent(20), 0.5))));
        watch.resume(110, List.of(1));
        // trailing 10 % behind 110 is 99; rung 1 (105) fired before the restart
        assertEquals(99, watch.stopLevel(), DELTA);
        assertEquals(List.of(), path(watch, 106));
        assertEquals(
                List.of("tick 0: TRAILING_STOP 50% level 99.000 at 98.900"), path(watch, 98.9));
    }
}

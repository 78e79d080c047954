package org.tickerdesk.trading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitRulesTest {

    @Test
    void anOffsetIsOneOfPercentAndAmountAndPositive() {
        assertThrows(IllegalArgumentException.class, () -> new Offset(1.0, 1.0, null));
        assertThrows(IllegalArgumentException.class, () -> new Offset(null, null, null));
        assertThrows(IllegalArgumentException.class, () -> Offset.percent(-2));
        assertThrows(IllegalArgumentException.class, () -> Offset.amount(0));
        assertThrows(IllegalArgumentException.class, () -> Offset.percent(100));
        assertEquals(2.5, Offset.percent(5).from(50), 1e-12);
        assertEquals(3, Offset.amount(3).from(50), 1e-12);
    }

    @Test
    void theLadderClosesAtMostTheWholePosition() {
        List<TakeProfitStep> tooMuch =
                List.of(
                        new TakeProfitStep(Offset.percent(5), 0.6),
                        new TakeProfitStep(Offset.percent(10), 0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ExitRules(null, null, null, tooMuch, null, List.of(), TriggerPrice.LAST));
        assertThrows(
                IllegalArgumentException.class, () -> new TakeProfitStep(Offset.percent(5), 0));
    }

    @Test
    void aRoiTableNamesEachMinuteOnceAndIsKeptInOrder() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ExitRules(
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                List.of(new RoiStep(10, 1), new RoiStep(10, 2)),
                                TriggerPrice.LAST));
        ExitRules rules =
                new ExitRules(
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        List.of(new RoiStep(60, 0), new RoiStep(0, 4)),
                        TriggerPrice.LAST);
        assertEquals(List.of(0L, 60L), rules.roi().stream().map(RoiStep::minutes).toList());
    }

    @Test
    void limitsAndGainsArePositive() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ExitRules(
                                null,
                                null,
                                null,
                                List.of(),
                                Duration.ZERO,
                                List.of(),
                                TriggerPrice.LAST));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ExitRules(
                                null, 0.0, null, List.of(), null, List.of(), TriggerPrice.LAST));
        assertThrows(IllegalArgumentException.class, () -> new Trailing(Offset.percent(1), -1.0));
        assertThrows(IllegalArgumentException.class, () -> new RoiStep(-1, 0));
    }
}

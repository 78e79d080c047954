package org.tickerdesk.trading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An exit's life: sent once, filled with its slippage worked out, retried at market once failed.
 */
class PositionExitTest {

    private static final Instant T0 = Instant.parse("2026-11-30T15:00:00Z");

    private static PositionExit stopAt(String trigger) {
        return new PositionExit(
                7,
                "TAKE_PROFIT:2",
                false,
                new BigDecimal("10"),
                OrderType.LMT,
                new BigDecimal("104.5"),
                new BigDecimal("105"),
                new BigDecimal(trigger),
                T0,
                T0);
    }

    @Test
    void itsClientOrderIdNamesThePositionTheRuleAndTheAttempt() {
        assertEquals("x-7-TAKE_PROFIT.2-1", stopAt("105.1").clientOrderId());
    }

    @Test
    void aLongsExitFilledBelowItsTriggerSlippedByTheDifference() {
        PositionExit exit = stopAt("105.10");
        exit.sent(T0, Duration.ofNanos(1_234_567));
        exit.addFill(new BigDecimal("4"), new BigDecimal("105.00"), 1);
        exit.addFill(new BigDecimal("6"), new BigDecimal("104.90"), 1);
        ExitRecord record = exit.record();
        // average (4 x 105.00 + 6 x 104.90) / 10 = 104.94; 105.10 - 104.94 = 0.16 worse
        assertEquals(0, new BigDecimal("104.94").compareTo(record.fillPrice()));
        assertEquals(0, new BigDecimal("0.16").compareTo(record.slippage()));
        assertEquals(ExitState.FILLED, record.state());
        assertEquals(1_234L, record.tickToOrderMicros());
    }

    @Test
    void aShortsExitFilledBelowItsTriggerGainedOnIt() {
        PositionExit exit = stopAt("95.00");
        exit.sent(T0, null);
        exit.addFill(new BigDecimal("10"), new BigDecimal("94.80"), -1);
        // buying back at 94.80 against a trigger of 95.00 is 0.20 better: slippage -0.20
        assertEquals(0, new BigDecimal("-0.20").compareTo(exit.record().slippage()));
    }

    @Test
    void aFailedExitIsRetriedAtMarketUnderTheNextAttempt() {
        PositionExit exit = stopAt("105.10");
        exit.sent(T0, null);
        exit.addFill(new BigDecimal("3"), new BigDecimal("105"), 1);
        exit.failed("cancelled");
        exit.retry();
        assertEquals("x-7-TAKE_PROFIT.2-2", exit.clientOrderId());
        assertEquals(OrderType.MKT, exit.orderType());
        assertNull(exit.limitPrice());
        assertEquals(0, new BigDecimal("7").compareTo(exit.remaining()));
        assertEquals(ExitState.PENDING, exit.state());
        assertThrows(IllegalStateException.class, exit::retry, "only a failed exit is retried");
    }

    @Test
    void aFilledExitNeitherFailsNorStandsDown() {
        PositionExit exit = stopAt("105.10");
        exit.sent(T0, null);
        exit.addFill(new BigDecimal("10"), new BigDecimal("105"), 1);
        exit.failed("late cancel");
        exit.standDown("position closed");
        assertEquals(ExitState.FILLED, exit.state());
    }
}

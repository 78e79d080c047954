package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Specification of a scripted path's arithmetic: linear in price, steps evenly spaced in time. */
class PricePathTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void aChangeInPercentIsTakenFromTheStartingPrice() {
        assertEquals(171.0, PricePath.target(180, -5), 1e-9);
        assertEquals(198.0, PricePath.target(180, 10), 1e-9);
        assertEquals(1.8, PricePath.target(180, -99), 1e-9);
    }

    @Test
    void eachStepMovesAnEqualShareOfTheWayAndTheLastLandsOnTheTarget() {
        PricePath path = new PricePath(180, 171, 10, ONE_SECOND);

        assertEquals(180.0, path.price(0));
        assertEquals(179.1, path.price(1), 1e-9);
        assertEquals(175.5, path.price(5), 1e-9);
        assertEquals(171.9, path.price(9), 1e-9);
        assertEquals(171.0, path.price(10));
    }

    @Test
    void aPathUpwardsIsLinearToo() {
        PricePath path = new PricePath(100, 110, 4, ONE_SECOND);

        assertEquals(102.5, path.price(1), 1e-9);
        assertEquals(105.0, path.price(2), 1e-9);
        assertEquals(107.5, path.price(3), 1e-9);
        assertEquals(110.0, path.price(4));
    }

    @Test
    void stepsAreDueEvenlyOverTheDurationTheLastAtItsEnd() {
        PricePath tenths = new PricePath(180, 171, 10, ONE_SECOND);
        assertEquals(0, tenths.dueNanos(0));
        assertEquals(100_000_000, tenths.dueNanos(1));
        assertEquals(1_000_000_000, tenths.dueNanos(10));

        PricePath thirds = new PricePath(180, 171, 3, ONE_SECOND);
        assertEquals(333_333_333, thirds.dueNanos(1));
        assertEquals(666_666_666, thirds.dueNanos(2));
        assertEquals(1_000_000_000, thirds.dueNanos(3));

        PricePath hour = new PricePath(180, 171, 36_000, Duration.ofHours(1));
        assertEquals(100_000_000, hour.dueNanos(1));
        assertEquals(3_600_000_000_000L, hour.dueNanos(36_000));
    }

    @Test
    void aPathNeedsPricesAboveZeroAStepAndSomeTime() {
        assertThrows(IllegalArgumentException.class, () -> new PricePath(0, 1, 1, ONE_SECOND));
        assertThrows(IllegalArgumentException.class, () -> new PricePath(1, -1, 1, ONE_SECOND));
        assertThrows(
                IllegalArgumentException.class, () -> new PricePath(Double.NaN, 1, 1, ONE_SECOND));
        assertThrows(IllegalArgumentException.class, () -> new PricePath(1, 2, 0, ONE_SECOND));
        assertThrows(IllegalArgumentException.class, () -> new PricePath(1, 2, 1, Duration.ZERO));
        PricePath path = new PricePath(1, 2, 2, ONE_SECOND);
        assertThrows(IllegalArgumentException.class, () -> path.price(3));
        assertThrows(IllegalArgumentException.class, () -> path.dueNanos(-1));
    }
}

package org.tickerdesk.marketdata.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Specification of a path's limits: up to an hour, up to 36000 steps at most 1 ms apart. */
class SimulatedPathTest {

    @Test
    void withoutStepsAPathTicksEvery100Milliseconds() {
        assertEquals(100, SimulatedPath.defaultSteps(Duration.ofSeconds(10)));
        assertEquals(10, SimulatedPath.defaultSteps(Duration.ofSeconds(1)));
        assertEquals(3, SimulatedPath.defaultSteps(Duration.ofMillis(250)));
        assertEquals(1, SimulatedPath.defaultSteps(Duration.ofMillis(40)));
        assertEquals(36_000, SimulatedPath.defaultSteps(Duration.ofHours(1)));
    }

    @Test
    void stepsAreAtMost36000AndOnePerMillisecond() {
        assertEquals(36_000, SimulatedPath.maxSteps(Duration.ofHours(1)));
        assertEquals(1000, SimulatedPath.maxSteps(Duration.ofSeconds(1)));
        assertEquals(1, SimulatedPath.maxSteps(Duration.ofNanos(500_000)));
    }

    @Test
    void aPathHasEitherATargetOrAChangeAndLimits() {
        Duration second = Duration.ofSeconds(1);
        double none = Double.NaN;
        assertEquals(10, new SimulatedPath("AAPL", none, -5, second, 10).steps());
        assertEquals(171.0, new SimulatedPath("AAPL", 171, none, second, 10).to());

        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", 171, -5, second, 10));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", none, none, second, 10));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", none, -100, second, 10));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", 0, none, second, 10));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", 171, none, Duration.ZERO, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", 171, none, Duration.ofSeconds(3601), 10));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", 171, none, second, 1001));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SimulatedPath("AAPL", 171, none, second, 0));
    }
}

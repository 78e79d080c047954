package org.tickerdesk.tasks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A task's row counts its runs and keeps its last one as it was, who started it included. */
class RegisteredTaskTest {

    private static final Instant AT = Instant.parse("2025-11-20T14:30:00Z");

    @Test
    void theLastRunIsKeptWithWhoStartedItAndItsTrace() {
        RegisteredTask task = new RegisteredTask("tick-retention", AT);
        RunResult failed =
                new RunResult(AT, Duration.ofMillis(12), RunOutcome.FAILED, "boom", "trace", true);

        assertFalse(task.record(failed, 3, AT));

        assertEquals(failed, task.lastRun());
        assertEquals(1, task.runs());
        assertEquals(1, task.failures());
        assertEquals(1, task.consecutiveFailures());
    }

    @Test
    void theThresholdIsReachedOncePerStreak() {
        RegisteredTask task = new RegisteredTask("tick-retention", AT);
        RunResult failed =
                new RunResult(AT, Duration.ZERO, RunOutcome.TIMED_OUT, "too long", null, false);

        assertFalse(task.record(failed, 2, AT));
        assertTrue(task.record(failed, 2, AT));
        assertFalse(task.record(failed, 2, AT));
        assertFalse(task.record(RunResult.succeeded(AT, Duration.ZERO, false), 2, AT));
        assertEquals(0, task.consecutiveFailures());
        assertFalse(task.record(failed, 2, AT));
        assertTrue(task.record(failed, 2, AT));
    }

    @Test
    void anIntervalOutsideOneSecondToSevenDaysIsRefused() {
        RegisteredTask task = new RegisteredTask("tick-retention", AT);
        assertThrows(IllegalArgumentException.class, () -> task.interval(Duration.ZERO, AT));
        assertThrows(IllegalArgumentException.class, () -> task.interval(Duration.ofDays(8), AT));
        assertThrows(
                IllegalArgumentException.class, () -> task.interval(Duration.ofMillis(1500), AT));
        task.interval(Duration.ofDays(7), AT);
        assertEquals(Duration.ofDays(7), task.interval().orElseThrow());
        task.interval(null, AT);
        assertTrue(task.interval().isEmpty());
    }
}

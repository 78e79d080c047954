package org.tickerdesk.tasks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A restart keeps a task's rhythm: the first run is an interval after the last one. */
class FirstRunTest {

    private static final Instant NOW = Instant.parse("2025-11-20T14:30:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void aTaskThatNeverRanRunsAnIntervalAfterStartUp() {
        assertEquals(DAY, FirstRun.delay(null, DAY, NOW));
    }

    @Test
    void aDailyTaskThatRanSixHoursAgoRunsInEighteenHours() {
        assertEquals(
                Duration.ofHours(18), FirstRun.delay(NOW.minus(Duration.ofHours(6)), DAY, NOW));
    }

    @Test
    void anOverdueTaskRunsTenSecondsAfterStartUpOrAtItsIntervalIfShorter() {
        assertEquals(
                Duration.ofSeconds(10), FirstRun.delay(NOW.minus(Duration.ofDays(3)), DAY, NOW));
        assertEquals(
                Duration.ofSeconds(2),
                FirstRun.delay(NOW.minusSeconds(60), Duration.ofSeconds(2), NOW));
    }

    @Test
    void aLastRunInTheFutureOfAWrongClockWaitsNoLongerThanAnInterval() {
        assertEquals(DAY, FirstRun.delay(NOW.plus(Duration.ofDays(30)), DAY, NOW));
    }
}

package org.tickerdesk.tasks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A task's slots are the multiples of its interval since the epoch: the same on every member, so a
 * firing a little late on one member and one on another name the same slot.
 */
class TaskSlotsTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void aTimerFiringALittleLateIsInTheSlotItWasDueFor() {
        assertEquals(
                Instant.parse("2025-11-20T14:30:10Z"),
                TaskSlots.of(Instant.parse("2025-11-20T14:30:10.180Z"), TEN_SECONDS));
        assertEquals(
                Instant.parse("2025-11-20T14:30:10Z"),
                TaskSlots.of(Instant.parse("2025-11-20T14:30:14.999Z"), TEN_SECONDS));
    }

    @Test
    void aTimerFiringAFewMillisecondsEarlyIsInTheSlotItWasDueFor() {
        assertEquals(
                Instant.parse("2025-11-20T14:30:10Z"),
                TaskSlots.of(Instant.parse("2025-11-20T14:30:09.990Z"), TEN_SECONDS));
    }

    @Test
    void aTimerCatchingUpLateByMostOfAnIntervalIsInTheSlotItWasDueForNotTheNext() {
        assertEquals(
                Instant.parse("2025-11-20T14:30:20Z"),
                TaskSlots.of(Instant.parse("2025-11-20T14:30:27.300Z"), TEN_SECONDS));
    }

    @Test
    void aOneSecondTaskFiringHalfASecondEarlyIsInTheSlotJustAhead() {
        assertEquals(
                Instant.parse("2025-11-20T14:30:01Z"),
                TaskSlots.of(Instant.parse("2025-11-20T14:30:00.500Z"), Duration.ofSeconds(1)));
        assertEquals(
                Instant.parse("2025-11-20T14:30:00Z"),
                TaskSlots.of(Instant.parse("2025-11-20T14:30:00.499Z"), Duration.ofSeconds(1)));
    }

    @Test
    void aDailyTasksSlotsAreAtMidnightUtc() {
        assertEquals(
                Instant.parse("2025-11-21T00:00:00Z"),
                TaskSlots.of(Instant.parse("2025-11-21T00:00:00.250Z"), Duration.ofDays(1)));
        assertEquals(
                Instant.parse("2025-11-20T00:00:00Z"),
                TaskSlots.of(Instant.parse("2025-11-20T23:58:00Z"), Duration.ofDays(1)));
    }

    @Test
    void theFirstFiringIsTheFirstSlotAfterTheDelayAsked() {
        Instant now = Instant.parse("2025-11-20T14:30:03.250Z");

        assertEquals(Duration.ofMillis(16_750), TaskSlots.delay(now, TEN_SECONDS, TEN_SECONDS));
        assertEquals(Duration.ofMillis(6_750), TaskSlots.delay(now, Duration.ZERO, TEN_SECONDS));
    }

    @Test
    void aDelayEndingOnASlotFiresOnThatSlot() {
        Instant now = Instant.parse("2025-11-20T14:30:00Z");

        assertEquals(TEN_SECONDS, TaskSlots.delay(now, TEN_SECONDS, TEN_SECONDS));
    }

    @Test
    void anIntervalOfNothingHasNoSlots() {
        assertThrows(
                IllegalArgumentException.class, () -> TaskSlots.of(Instant.EPOCH, Duration.ZERO));
    }
}

package org.tickerdesk.tasks.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The moments a task is due: the multiples of its interval since the epoch (UTC), the same on every
 * member of a cluster, so that a slot names one due run wherever it is claimed. Each member's timer
 * fires on these moments, usually a little late, and the slot of a firing is the last moment due at
 * or before it: a firing late by most of an interval (a frozen member's timer catching up when it
 * wakes) belongs to the slot it was due for, not to the next one, which is not due yet. A firing up
 * to {@link #EARLY} (at most half the interval) before a moment belongs to that moment, as a
 * timer's clock may tick a little ahead of the wall clock. Members' clocks are assumed to agree far
 * better than that (NTP).
 */
public final class TaskSlots {

    /** Slots kept per task: older ones can no longer be claimed by a timer that fires now. */
    static final int KEPT = 100;

    private TaskSlots() {}

    /** How early a timer may fire and still be in the slot just ahead. */
    static final Duration EARLY = Duration.ofSeconds(1);

    /** The slot of a timer that fired at {@code at}. */
    public static Instant of(Instant at, Duration interval) {
        long length = positive(interval);
        long early = Math.min(EARLY.toMillis(), length / 2);
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli() + early, length) * length);
    }

    /**
     * How long from {@code now} to the first slot at or after {@code now + earliest}: where a timer
     * that should not fire before {@code earliest} first fires.
     */
    public static Duration delay(Instant now, Duration earliest, Duration interval) {
        long length = positive(interval);
        long from = now.plus(earliest).toEpochMilli();
        long slot = Math.floorDiv(from + length - 1, length) * length;
        return Duration.ofMillis(slot - now.toEpochMilli());
    }

    /** Slots before this one may be forgotten once {@code slot} is claimed. */
    static Instant forgottenBefore(Instant slot, Duration interval) {
        return slot.minus(interval.multipliedBy(KEPT));
    }

    private static long positive(Duration interval) {
        long length = interval.toMillis();
        if (length <= 0) {
            throw new IllegalArgumentException("A task's interval is positive, not " + interval);
        }
        return length;
    }
}

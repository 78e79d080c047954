package org.tickerdesk.tasks.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a task's timer first fires after start-up: an interval after its last run, so a restart
 * neither resets a daily task's clock (a server restarted every night would never clean up) nor
 * runs everything at once; a task overdue runs a short while after start-up, once the server has
 * settled; one that never ran, an interval after start-up.
 */
public final class FirstRun {

    /** How long an overdue task waits after start-up, at most its interval. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    private FirstRun() {}

    public static Duration delay(Instant lastStarted, Duration interval, Instant now) {
        if (lastStarted == null) {
            return interval;
        }
        Duration settle = SETTLE.compareTo(interval) < 0 ? SETTLE : interval;
        Duration untilDue = Duration.between(now, lastStarted.plus(interval));
        if (untilDue.compareTo(settle) < 0) {
            return settle;
        }
        return untilDue.compareTo(interval) > 0 ? interval : untilDue;
    }
}

package org.tickerdesk.tasks.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A task as the console shows it: what it is, its settings, its counters, its last run and when the
 * next is due.
 *
 * @param interval the interval in force: the stored one, else the task's default
 * @param intervalChanged whether an admin set the interval (else it follows the default)
 * @param running whether a run is going on now
 * @param lastRun null until the task first ran
 * @param nextRun null while the task is paused
 * @param slotsTaken scheduled runs left out because another member had already claimed their slot
 * @param runsOn the address of the member that runs it, the cluster's leader; null while no member
 *     leads
 */
public record TaskSnapshot(
        String name,
        String description,
        Duration interval,
        Duration defaultInterval,
        boolean intervalChanged,
        Duration timeLimit,
        boolean critical,
        boolean enabled,
        boolean running,
        long runs,
        long failures,
        long skipped,
        long slotsTaken,
        int consecutiveFailures,
        RunResult lastRun,
        Instant nextRun,
        String runsOn) {

    public TaskSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        Objects.requireNonNull(timeLimit, "timeLimit");
    }

    /** A task none of whose slots another member took. */
    public TaskSnapshot(
            String name,
            String description,
            Duration interval,
            Duration defaultInterval,
            boolean intervalChanged,
            Duration timeLimit,
            boolean critical,
            boolean enabled,
            boolean running,
            long runs,
            long failures,
            long skipped,
            int consecutiveFailures,
            RunResult lastRun,
            Instant nextRun,
            String runsOn) {
        this(
                name,
                description,
                interval,
                defaultInterval,
                intervalChanged,
                timeLimit,
                critical,
                enabled,
                running,
                runs,
                failures,
                skipped,
                0,
                consecutiveFailures,
                lastRun,
                nextRun,
                runsOn);
    }
}

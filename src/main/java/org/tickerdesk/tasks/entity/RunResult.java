package org.tickerdesk.tasks.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One finished run of a task.
 *
 * @param error the failure's message, null for a success
 * @param stackTrace the failure's stack trace as text (for a run that timed out, where its thread
 *     was when it was interrupted), null for a success
 * @param manual whether an admin started it (run now) rather than the schedule
 * @param slot the moment the schedule had it due, which no other run of the task shares; null for a
 *     run an admin started
 * @param member the cluster member that ran it; null where that is not known
 */
public record RunResult(
        Instant startedAt,
        Duration duration,
        RunOutcome outcome,
        String error,
        String stackTrace,
        boolean manual,
        Instant slot,
        String member) {

    /** Longer texts are cut: a run's record must stay small, and the top of a trace tells most. */
    public static final int MAX_TEXT = 16_000;

    public RunResult {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A run cannot take " + duration);
        }
        if (outcome.isFailure() && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("A failed run says why");
        }
        error = cut(error);
        stackTrace = cut(stackTrace);
    }

    /** A run of no known slot or member. */
    public RunResult(
            Instant startedAt,
            Duration duration,
            RunOutcome outcome,
            String error,
            String stackTrace,
            boolean manual) {
        this(startedAt, duration, outcome, error, stackTrace, manual, null, null);
    }

    /** This run, of that slot, on that member. */
    public RunResult ran(Instant slot, String member) {
        return new RunResult(startedAt, duration, outcome, error, stackTrace, manual, slot, member);
    }

    public static RunResult succeeded(Instant startedAt, Duration duration, boolean manual) {
        return new RunResult(startedAt, duration, RunOutcome.SUCCEEDED, null, null, manual);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}

package org.tickerdesk.tasks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registered task's stored settings and counters: what outlives a restart. Its description,
 * default interval and time limit are the task bean's own and are not stored.
 */
@Entity
@Table(name = "tasks")
@NamedQuery(name = RegisteredTask.ALL, query = "SELECT t FROM RegisteredTask t ORDER BY t.name")
public class RegisteredTask {

    public static final String ALL = "RegisteredTask.all";

    /** Lower case words joined by dashes, as the API's paths carry them. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final int MAX_NAME = 64;

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(7);

    @Id private String name;

    /** Null: the task's default. */
    @Column(name = "interval_seconds")
    private Long intervalSeconds;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private long runs;

    @Column(nullable = false)
    private long failures;

    @Column(nullable = false)
    private long skipped;

    @Column(name = "slots_taken", nullable = false)
    private long slotsTaken;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "last_started_at")
    private Instant lastStartedAt;

    @Column(name = "last_duration_ms")
    private Long lastDurationMillis;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_outcome")
    private RunOutcome lastOutcome;

    @Column(name = "last_manual", nullable = false)
    private boolean lastManual;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_stack_trace")
    private String lastStackTrace;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RegisteredTask() {
        // for JPA
    }

    public RegisteredTask(String name, Instant at) {
        if (name == null || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "A task's name is lower case words joined by dashes, at most "
                            + MAX_NAME
                            + " characters, not "
                            + name);
        }
        this.name = name;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /** Whether an interval is one a task may have: whole seconds from 1 s to 7 days. */
    public static boolean allowed(Duration interval) {
        return interval.getNano() == 0
                && interval.compareTo(MIN_INTERVAL) >= 0
                && interval.compareTo(MAX_INTERVAL) <= 0;
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return enabled;
    }

    public long runs() {
        return runs;
    }

    public long failures() {
        return failures;
    }

    public long skipped() {
        return skipped;
    }

    /** Scheduled runs left out because another member had already claimed their slot. */
    public long slotsTaken() {
        return slotsTaken;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The interval an admin set, or empty while the task follows its default. */
    public Optional<Duration> interval() {
        return Optional.ofNullable(intervalSeconds).map(Duration::ofSeconds);
    }

    /** The last run. */
    public RunResult lastRun() {
        if (lastStartedAt == null || lastOutcome == null) {
            return null;
        }
        return new RunResult(
                lastStartedAt,
                Duration.ofMillis(lastDurationMillis == null ? 0 : lastDurationMillis),
                lastOutcome,
                lastError,
                lastStackTrace,
                lastManual);
    }

    /**
     * Counts a finished run.
     *
     * @param threshold failures in a row worth telling, at least 1
     * @return whether this run made the streak of failures reach the threshold: told once per
     *     streak, the next time after a success ended it
     */
    public boolean record(RunResult run, int threshold, Instant at) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The failure threshold is at least 1");
        }
        runs++;
        lastStartedAt = run.startedAt();
        lastDurationMillis = run.duration().toMillis();
        lastOutcome = run.outcome();
        lastManual = run.manual();
        lastError = run.error();
        lastStackTrace = run.stackTrace();
        updatedAt = at;
        if (!run.outcome().isFailure()) {
            consecutiveFailures = 0;
            return false;
        }
        failures++;
        consecutiveFailures++;
        return consecutiveFailures == threshold;
    }

    /** Counts a due run that did not start because the previous one still ran. */
    public void skip(Instant at) {
        skipped++;
        updatedAt = at;
    }

    /** Counts a due run left out because another member had already claimed its slot. */
    public void slotTaken(Instant at) {
        slotsTaken++;
        updatedAt = at;
    }

    public void enable(boolean enabled, Instant at) {
        this.enabled = enabled;
        updatedAt = at;
    }

    /**
     * @param interval one {@link #allowed(Duration)}, or null to follow the task's default again
     */
    public void interval(Duration interval, Instant at) {
        if (interval != null && !allowed(interval)) {
            throw new IllegalArgumentException(
                    "A task runs every 1 s to 7 days, in whole seconds, not " + interval);
        }
        intervalSeconds = interval == null ? null : interval.toSeconds();
        updatedAt = at;
    }
}

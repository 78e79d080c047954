package org.tickerdesk.tasks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One run of a task in its short history. */
@Entity
@Table(name = "task_runs")
@NamedQuery(
        name = TaskRun.NEWEST,
        query = "SELECT r FROM TaskRun r WHERE r.taskName = :name ORDER BY r.id DESC")
public class TaskRun {

    public static final String NEWEST = "TaskRun.newest";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_name", nullable = false)
    private String taskName;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunOutcome outcome;

    @Column(nullable = false)
    private boolean manual;

    private String error;

    @Column(name = "stack_trace")
    private String stackTrace;

    private Instant slot;

    private String member;

    protected TaskRun() {
        // for JPA
    }

    public TaskRun(String taskName, RunResult run) {
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.startedAt = run.startedAt();
        this.durationMillis = run.duration().toMillis();
        this.outcome = run.outcome();
        this.manual = run.manual();
        this.error = run.error();
        this.stackTrace = run.stackTrace();
        this.slot = run.slot();
        this.member = run.member();
    }

    public RunResult result() {
        return new RunResult(
                startedAt,
                Duration.ofMillis(durationMillis),
                outcome,
                error,
                stackTrace,
                manual,
                slot,
                member);
    }
}

package org.tickerdesk.history.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A collection someone asked for, and where it stands. It follows Jakarta Batch's states and guards
 * their order: it is started (STARTING) with a new batch execution, runs (STARTED), may be asked to
 * stop (STOPPING), ends STOPPED, FAILED or COMPLETED, may be restarted from STOPPED or FAILED with
 * a further execution, and abandoned when it is not running. COMPLETED and ABANDONED are final. Its
 * instruments and their progress are kept per partition beside it.
 */
@Entity
@Table(name = "collection_jobs")
public class CollectionJob {

    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "bar_size", nullable = false, updatable = false)
    private String barSize;

    @Column(name = "what_to_show", nullable = false, updatable = false)
    private String whatToShow;

    @Column(name = "rth_only", nullable = false, updatable = false)
    private boolean rthOnly;

    @Column(name = "range_from", updatable = false)
    private Instant from;

    @Column(name = "range_to", updatable = false)
    private Instant to;

    @Column(nullable = false, updatable = false)
    private boolean incremental;

    @Column(name = "gaps_only", nullable = false, updatable = false)
    private boolean gapsOnly;

    @Column(name = "upload_id", updatable = false)
    private Long upload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "execution_started")
    private Instant executionStarted;

    @Column(name = "bars_before_execution", nullable = false)
    private long barsBeforeExecution;

    @Column(name = "windows_before_execution", nullable = false)
    private long windowsBeforeExecution;

    @Column(name = "last_error")
    private String lastError;

    /** Written by the store alone, which takes a collection over only if nobody else did. */
    @Column(name = "run_by", insertable = false, updatable = false)
    private String runBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected CollectionJob() {}

    public CollectionJob(CollectionRequest request, String requestedBy, Instant now) {
        Objects.requireNonNull(request, "request");
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new IllegalArgumentException("A collection needs who asked for it");
        }
        this.requestedBy = requestedBy;
        this.source = request.source().wire();
        this.barSize = request.barSize().label();
        this.whatToShow = request.whatToShow().name();
        this.rthOnly = request.regularHoursOnly();
        this.from = request.from();
        this.to = request.to();
        this.incremental = request.incremental();
        this.gapsOnly = request.gapsOnly();
        this.upload = request.upload();
        this.status = JobStatus.STARTING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public JobStatus status() {
        return status;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Long executionId() {
        return executionId;
    }

    public Instant executionStarted() {
        return executionStarted;
    }

    public long barsBeforeExecution() {
        return barsBeforeExecution;
    }

    public long windowsBeforeExecution() {
        return windowsBeforeExecution;
    }

    /** The cluster member that launched its current execution; null before one did. */
    public String runBy() {
        return runBy;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** The request, with the instruments kept beside it. */
    public CollectionRequest request(List<String> symbols) {
        return new CollectionRequest(
                HistorySourceName.parse(source),
                symbols,
                BarSize.parse(barSize),
                from,
                to,
                incremental,
                gapsOnly,
                WhatToShow.valueOf(whatToShow),
                rthOnly,
                upload);
    }

    /**
     * To run again in a new batch execution: after it stopped or failed, or after the server that
     * ran it died (it is then still marked running).
     */
    public void restarting(Instant now) {
        if (status.isFinal()) {
            throw new IllegalStateException(
                    "Collection " + id + " is " + status + " and cannot be restarted");
        }
        status = JobStatus.STARTING;
        endedAt = null;
        executionStarted = null;
        touch(now);
    }

    /** A batch execution was started for it; it begins when the runtime has a thread for it. */
    public void launched(long execution, Instant now) {
        executionId = execution;
        touch(now);
    }

    /**
     * A batch execution has begun running it. The counts so far are kept so that this execution's
     * rate is its own. A collection asked to stop before its execution began stays STOPPING.
     */
    public void executing(long execution, long barsSoFar, long windowsSoFar, Instant now) {
        if (status.isFinal()) {
            throw new IllegalStateException(
                    "Collection " + id + " is " + status + " and cannot run again");
        }
        executionId = execution;
        executionStarted = now;
        barsBeforeExecution = barsSoFar;
        windowsBeforeExecution = windowsSoFar;
        if (status != JobStatus.STOPPING) {
            status = JobStatus.STARTED;
        }
        endedAt = null;
        touch(now);
    }

    /** Asked to stop: it finishes the current window of each instrument and ends STOPPED. */
    public void stopping(Instant now) {
        if (!status.isRunning()) {
            throw new IllegalStateException("Collection " + id + " is " + status + ", not running");
        }
        status = JobStatus.STOPPING;
        touch(now);
    }

    /** Its execution ended as the batch runtime says. */
    public void ended(JobStatus outcome, String error, Instant now) {
        if (outcome.isRunning()) {
            throw new IllegalArgumentException("An execution does not end " + outcome);
        }
        if (status.isFinal()) {
            return;
        }
        status = outcome;
        if (error != null) {
            lastError = shortened(error);
        }
        endedAt = now;
        touch(now);
    }

    /** Given up for good: it will not be restarted. */
    public void abandon(Instant now) {
        if (status.isRunning()) {
            throw new IllegalStateException(
                    "Collection " + id + " is " + status + "; stop it before abandoning it");
        }
        if (status == JobStatus.COMPLETED) {
            throw new IllegalStateException("Collection " + id + " is already COMPLETED");
        }
        status = JobStatus.ABANDONED;
        if (endedAt == null) {
            endedAt = now;
        }
        touch(now);
    }

    public void failedWith(String error, Instant now) {
        lastError = shortened(error);
        touch(now);
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private static String shortened(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}

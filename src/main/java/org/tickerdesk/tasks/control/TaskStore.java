package org.tickerdesk.tasks.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.tasks.entity.RegisteredTask;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskFailing;
import org.tickerdesk.tasks.entity.TaskRun;

/**
 * The tasks' rows in PostgreSQL ({@code tasks}, {@code task_runs}), one transaction per call.
 *
 * <p>A run's record and a skip are committed without waiting for the write-ahead log's flush
 * ({@code synchronous_commit} off for that transaction only): a task that runs every few seconds
 * would otherwise add a flushed commit each time to the database the exit engine waits on, and a
 * crash can lose at most the last record, which is harmless. Settings an admin changes are
 * committed durably.
 */
@Stateless
public class TaskStore {

    /** Runs kept per task; older ones are deleted as new ones are recorded. */
    public static final int HISTORY = 50;

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Clock clock;

    @Inject Event<TaskFailing> failing;

    /**
     * Makes sure every task has its row; an existing row (its settings) is left as it is, also when
     * another server of the cluster inserts it at the same moment.
     */
    public void register(Collection<String> names) {
        for (String name : names) {
            em.createNativeQuery(
                            "INSERT INTO tasks (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")
                    .setParameter(1, name)
                    .executeUpdate();
        }
    }

    public List<RegisteredTask> all() {
        return em.createNamedQuery(RegisteredTask.ALL, RegisteredTask.class).getResultList();
    }

    public Optional<RegisteredTask> find(String name) {
        return Optional.ofNullable(em.find(RegisteredTask.class, name));
    }

    /** The newest runs first, at most {@link #HISTORY}. */
    public List<RunResult> history(String name, int limit) {
        return em.createNamedQuery(TaskRun.NEWEST, TaskRun.class)
                .setParameter("name", name)
                .setMaxResults(Math.max(1, Math.min(limit, HISTORY)))
                .getResultStream()
                .map(TaskRun::result)
                .toList();
    }

    /**
     * Records a finished run, forgets the runs beyond the history, and when this run makes the
     * failures in a row reach {@code threshold}, fires {@link TaskFailing} in this transaction.
     */
    public RegisteredTask recorded(String name, RunResult run, int threshold) {
        unflushedCommit();
        RegisteredTask task = locked(name);
        Instant now = clock.instant();
        boolean nowFailing = task.record(run, threshold, now);
        em.persist(new TaskRun(name, run));
        em.flush();
        em.createNativeQuery(
                        "DELETE FROM task_runs WHERE task_name = ?1 AND id < (SELECT min(id) FROM"
                                + " (SELECT id FROM task_runs WHERE task_name = ?1"
                                + " ORDER BY id DESC LIMIT "
                                + HISTORY
                                + ") newest)")
                .setParameter(1, name)
                .executeUpdate();
        if (nowFailing) {
            failing.fire(new TaskFailing(name, task.consecutiveFailures(), run.error(), now));
        }
        return task;
    }

    /** What became of a member's claim on a slot. */
    public enum Claim {
        /** This member has the slot and runs it. */
        CLAIMED,
        /** Another member claimed it first (and runs or ran it); counted. */
        TAKEN,
        /** The task is paused: its slots are not run. */
        PAUSED
    }

    /**
     * Claims the task's slot for {@code member}: only one claim of a slot ever succeeds, whichever
     * members try. A slot another member holds is counted as taken. Slots long past are forgotten.
     */
    public Claim claim(String name, Instant slot, String member, Duration interval) {
        unflushedCommit();
        int claimed =
                em.createNativeQuery(
                                "INSERT INTO task_slots (task_name, slot, member, claimed_at)"
                                        + " SELECT name, ?2, ?3, ?4 FROM tasks WHERE name = ?1"
                                        + " AND enabled ON CONFLICT (task_name, slot) DO NOTHING")
                        .setParameter(1, name)
                        .setParameter(2, Timestamp.from(slot))
                        .setParameter(3, member)
                        .setParameter(4, Timestamp.from(clock.instant()))
                        .executeUpdate();
        if (claimed == 1) {
            em.createNativeQuery("DELETE FROM task_slots WHERE task_name = ?1 AND slot < ?2")
                    .setParameter(1, name)
                    .setParameter(2, Timestamp.from(TaskSlots.forgottenBefore(slot, interval)))
                    .executeUpdate();
            return Claim.CLAIMED;
        }
        RegisteredTask task = locked(name);
        if (!task.enabled()) {
            return Claim.PAUSED;
        }
        task.slotTaken(clock.instant());
        return Claim.TAKEN;
    }

    public RegisteredTask skipped(String name) {
        unflushedCommit();
        RegisteredTask task = locked(name);
        task.skip(clock.instant());
        return task;
    }

    public RegisteredTask enabled(String name, boolean enabled) {
        RegisteredTask task = locked(name);
        task.enable(enabled, clock.instant());
        return task;
    }

    /**
     * @param interval null to follow the task's default again
     */
    public RegisteredTask interval(String name, Duration interval) {
        RegisteredTask task = locked(name);
        task.interval(interval, clock.instant());
        return task;
    }

    private RegisteredTask locked(String name) {
        RegisteredTask task = em.find(RegisteredTask.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            throw TaskProblems.unknown(name);
        }
        return task;
    }

    private void unflushedCommit() {
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
    }
}

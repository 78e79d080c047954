package org.tickerdesk.history.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.history.entity.CollectionEnded;
import org.tickerdesk.history.entity.CollectionJob;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatistics;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.PartitionProgress;
import org.tickerdesk.history.entity.PartitionState;
import org.tickerdesk.history.entity.SkippedBar;

/**
 * Where collections are kept: the request and its status ({@link CollectionJob}), one row per
 * instrument with its cursor and counts, the batch executions that ran it and the bars it skipped.
 * A window's bars, its partition's new cursor and counts are written in one transaction (the batch
 * chunk's), so the counts never disagree with the bars after a crash.
 */
@Stateless
public class CollectionStore {

    private static final String CURRENT_EXECUTION =
            " AND EXISTS (SELECT 1 FROM collection_jobs j WHERE j.id = ?1 AND j.execution_id = ?";

    private static final String RUNNING = "status IN ('STARTING', 'STARTED', 'STOPPING')";

    /** Skipped bars kept per collection; beyond that they are only counted. */
    static final int SKIPS_KEPT = 500;

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    /** Inside the transaction that records the end. */
    @Inject Event<CollectionEnded> collectionEnded;

    public long create(CollectionRequest request, String requestedBy, Instant now) {
        CollectionJob job = new CollectionJob(request, requestedBy, now);
        em.persist(job);
        em.flush();
        List<String> symbols = request.symbols();
        for (int i = 0; i < symbols.size(); i++) {
            em.createNativeQuery(
                            "INSERT INTO collection_partitions (job_id, position, symbol, status)"
                                    + " VALUES (?1, ?2, ?3, 'STARTING')")
                    .setParameter(1, job.id())
                    .setParameter(2, i)
                    .setParameter(3, symbols.get(i))
                    .executeUpdate();
        }
        return job.id();
    }

    public Optional<CollectionRequest> request(long jobId) {
        return job(jobId).map(job -> job.request(symbols(jobId)));
    }

    public Optional<CollectionJob> job(long jobId) {
        return Optional.ofNullable(em.find(CollectionJob.class, jobId));
    }

    /** A batch execution has begun the collection; its partitions not yet COMPLETED run again. */
    public void executing(long jobId, long executionId, Instant now) {
        CollectionJob job = existing(jobId);
        Object[] sums =
                (Object[])
                        em.createNativeQuery(
                                        "SELECT COALESCE(SUM(bars_written), 0),"
                                                + " COALESCE(SUM(windows_done), 0)"
                                                + " FROM collection_partitions WHERE job_id = ?1")
                                .setParameter(1, jobId)
                                .getSingleResult();
        job.executing(executionId, number(sums[0]), number(sums[1]), now);
        linkExecution(jobId, executionId, now);
        em.createNativeQuery(
                        "UPDATE collection_partitions SET status = 'STARTING'"
                                + " WHERE job_id = ?1 AND status <> 'COMPLETED'")
                .setParameter(1, jobId)
                .executeUpdate();
    }

    public void launched(long jobId, long executionId, Instant now) {
        existing(jobId).launched(executionId, now);
        linkExecution(jobId, executionId, now);
    }

    public void restarting(long jobId, Instant now) {
        existing(jobId).restarting(now);
    }

    public void stopping(long jobId, Instant now) {
        existing(jobId).stopping(now);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(long jobId, JobStatus outcome, String error, Instant now) {
        CollectionJob job = existing(jobId);
        boolean running = !job.status().isFinal();
        job.ended(outcome, error, now);
        em.createNativeQuery(
                        "UPDATE collection_partitions SET status = ?2"
                                + " WHERE job_id = ?1 AND status IN ('STARTING', 'STARTED')")
                .setParameter(1, jobId)
                .setParameter(2, outcome.name())
                .executeUpdate();
        if (running) {
            em.flush();
            snapshot(jobId, now)
                    .ifPresent(ended -> collectionEnded.fire(new CollectionEnded(ended)));
        }
    }

    public void abandon(long jobId, Instant now) {
        existing(jobId).abandon(now);
    }

    /**
     * The collections marked running that did not change since {@code since}, oldest first: at
     * start-up, those a dead server left running, not those this server started meanwhile.
     */
    public List<Long> runningUnchangedSince(Instant since) {
        return ids(
                em.createNativeQuery(
                                "SELECT id FROM collection_jobs WHERE status IN ('STARTING',"
                                        + " 'STARTED', 'STOPPING') AND updated_at < ?1 ORDER BY id")
                        .setParameter(1, Timestamp.from(since))
                        .getResultList());
    }

    /** The member that runs the collection from now on, whoever ran it before. */
    public void runBy(long jobId, String member, Instant now) {
        em.createNativeQuery(
                        "UPDATE collection_jobs SET run_by = ?2, updated_at = ?3 WHERE id = ?1")
                .setParameter(1, jobId)
                .setParameter(2, member)
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * Takes the running collection over for {@code member} if {@code previous} (null: no member)
     * still has it: of two members that try at once, one does.
     *
     * @return whether it is now {@code member}'s
     */
    public boolean takeOver(long jobId, String previous, String member, Instant now) {
        return em.createNativeQuery(
                                "UPDATE collection_jobs SET run_by = ?3, updated_at = ?4 WHERE"
                                        + " id = ?1 AND run_by IS NOT DISTINCT FROM CAST(?2 AS"
                                        + " VARCHAR) AND "
                                        + RUNNING)
                        .setParameter(1, jobId)
                        .setParameter(2, previous)
                        .setParameter(3, member)
                        .setParameter(4, Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }

    /**
     * The collections asked for (or restarted, or stopped) that no member has launched, oldest
     * first.
     */
    public List<Long> waiting() {
        return ids(
                em.createNativeQuery(
                                "SELECT id FROM collection_jobs WHERE status IN ('STARTING',"
                                        + " 'STOPPING') AND run_by IS NULL ORDER BY id")
                        .getResultList());
    }

    /**
     * The running collections whose member is none of {@code live}, with that member, oldest first:
     * those a member that left the grid (died, or was frozen and dropped) was running. One marked
     * STARTED by no member was left by a version that did not record the member.
     */
    public Map<Long, String> runningOutside(Collection<String> live) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT id, run_by FROM collection_jobs WHERE "
                                        + RUNNING
                                        + " AND (run_by <> ALL (CAST(?1 AS VARCHAR[])) OR run_by"
                                        + " IS NULL AND status = 'STARTED') ORDER BY id")
                        .setParameter(1, live.toArray(String[]::new))
                        .getResultList();
        Map<Long, String> running = new LinkedHashMap<>();
        rows.forEach(r -> running.put(number(r[0]), (String) r[1]));
        return running;
    }

    /**
     * The running collections of a member that had one of {@code before} as its id say {@code
     * now}'s.
     */
    public int renamed(Collection<String> before, String now, Instant at) {
        return em.createNativeQuery(
                        "UPDATE collection_jobs SET run_by = ?2, updated_at = ?3 WHERE run_by ="
                                + " ANY (CAST(?1 AS VARCHAR[])) AND "
                                + RUNNING)
                .setParameter(1, before.toArray(String[]::new))
                .setParameter(2, now)
                .setParameter(3, Timestamp.from(at))
                .executeUpdate();
    }

    /** The batch executions of the collections {@code member} runs that someone asked to stop. */
    public List<Long> stoppingOn(String member) {
        return ids(
                em.createNativeQuery(
                                "SELECT execution_id FROM collection_jobs WHERE status ="
                                        + " 'STOPPING' AND run_by = ?1 AND execution_id IS NOT"
                                        + " NULL ORDER BY id")
                        .setParameter(1, member)
                        .getResultList());
    }

    public PartitionState partition(long jobId, int position) {
        Object[] r =
                (Object[])
                        em.createNativeQuery(
                                        "SELECT symbol, planned_to, cursor_at FROM"
                                                + " collection_partitions WHERE job_id = ?1 AND"
                                                + " position = ?2")
                                .setParameter(1, jobId)
                                .setParameter(2, position)
                                .getSingleResult();
        return new PartitionState((String) r[0], instant(r[1]), instant(r[2]));
    }

    /**
     * The partition's remaining range is planned: it ends at {@code plannedTo}, its next window
     * starts at {@code cursor}, and {@code remaining} windows are left.
     */
    public void planned(
            long jobId,
            long execution,
            int position,
            Instant plannedTo,
            Instant cursor,
            long remaining) {
        int updated =
                em.createNativeQuery(
                                "UPDATE collection_partitions SET planned_to = ?3, cursor_at = ?4,"
                                        + " windows_total = windows_done + ?5, status = 'STARTED'"
                                        + " WHERE job_id = ?1 AND position = ?2"
                                        + currentExecution(6))
                        .setParameter(1, jobId)
                        .setParameter(2, position)
                        .setParameter(3, Timestamp.from(plannedTo))
                        .setParameter(4, Timestamp.from(cursor))
                        .setParameter(5, remaining)
                        .setParameter(6, execution)
                        .executeUpdate();
        if (updated == 0) {
            throw new SupersededExecutionException(jobId, execution);
        }
    }

    /** Each instrument not yet planned is expected to take {@code windows} windows. */
    public void estimated(long jobId, long windows) {
        em.createNativeQuery(
                        "UPDATE collection_partitions SET windows_total = ?2"
                                + " WHERE job_id = ?1 AND planned_to IS NULL")
                .setParameter(1, jobId)
                .setParameter(2, windows)
                .executeUpdate();
    }

    /**
     * A window is stored: in the same transaction as its bars, which an execution that is no longer
     * the collection's must not commit.
     *
     * @throws SupersededExecutionException when {@code execution} is no longer the collection's
     */
    public void windowStored(
            long jobId,
            long execution,
            int position,
            String symbol,
            Instant nextCursor,
            long bars,
            List<SkippedBar> skipped,
            long retries) {
        int updated =
                em.createNativeQuery(
                                "UPDATE collection_partitions SET cursor_at = ?3, windows_done ="
                                        + " windows_done + 1, bars_written = bars_written + ?4,"
                                        + " bars_skipped = bars_skipped + ?5, retries = retries"
                                        + " + ?6 WHERE job_id = ?1 AND position = ?2"
                                        + currentExecution(7))
                        .setParameter(1, jobId)
                        .setParameter(2, position)
                        .setParameter(3, Timestamp.from(nextCursor))
                        .setParameter(4, bars)
                        .setParameter(5, skipped.size())
                        .setParameter(6, retries)
                        .setParameter(7, execution)
                        .executeUpdate();
        if (updated == 0) {
            throw new SupersededExecutionException(jobId, execution);
        }
        if (!skipped.isEmpty()) {
            em.createNativeQuery(
                            "INSERT INTO collection_skips (job_id, symbol, location, reason)"
                                    + " SELECT ?1, ?2, s.location, s.reason FROM unnest("
                                    + "CAST(?3 AS VARCHAR[]), CAST(?4 AS VARCHAR[])) AS s"
                                    + " (location, reason)"
                                    + " WHERE (SELECT count(*) FROM collection_skips WHERE"
                                    + " job_id = ?1) < ?5")
                    .setParameter(1, jobId)
                    .setParameter(2, symbol)
                    .setParameter(3, texts(skipped.stream().map(SkippedBar::where).toList(), 100))
                    .setParameter(4, texts(skipped.stream().map(SkippedBar::reason).toList(), 500))
                    .setParameter(5, SKIPS_KEPT)
                    .executeUpdate();
        }
    }

    /**
     * A partition ended: all its windows done, or failed with a reason. Said by an execution that
     * is no longer the collection's, it changes nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void partitionEnded(
            long jobId,
            long execution,
            int position,
            JobStatus outcome,
            String error,
            long retries,
            Instant now) {
        int updated =
                em.createNativeQuery(
                                "UPDATE collection_partitions SET status = ?3, last_error ="
                                        + " COALESCE(?4, last_error), retries = retries + ?5"
                                        + " WHERE job_id = ?1 AND position = ?2"
                                        + currentExecution(6))
                        .setParameter(1, jobId)
                        .setParameter(2, position)
                        .setParameter(3, outcome.name())
                        .setParameter(4, error == null ? null : clip(error, 1000))
                        .setParameter(5, retries)
                        .setParameter(6, execution)
                        .executeUpdate();
        if (updated > 0 && error != null) {
            existing(jobId).failedWith(error, now);
        }
    }

    public Optional<JobSnapshot> snapshot(long jobId, Instant now) {
        return job(jobId).map(job -> snapshot(job, now));
    }

    public List<JobSnapshot> list(JobFilter filter, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT j.id FROM collection_jobs j WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        if (filter.status() != null) {
            parameters.add(filter.status().name());
            sql.append(" AND j.status = ?").append(parameters.size());
        }
        if (filter.symbol() != null) {
            parameters.add(filter.symbol());
            sql.append(
                            " AND EXISTS (SELECT 1 FROM collection_partitions p WHERE p.job_id ="
                                    + " j.id AND p.symbol = ?")
                    .append(parameters.size())
                    .append(")");
        }
        if (filter.day() != null) {
            parameters.add(Timestamp.from(filter.day().atStartOfDay(ZoneOffset.UTC).toInstant()));
            sql.append(" AND j.created_at >= ?").append(parameters.size());
            parameters.add(
                    Timestamp.from(
                            filter.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            sql.append(" AND j.created_at < ?").append(parameters.size());
        }
        sql.append(" ORDER BY j.created_at DESC, j.id DESC LIMIT ").append(filter.limit());
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ids(query.getResultList()).stream().map(id -> snapshot(existing(id), now)).toList();
    }

    public List<Long> executions(long jobId) {
        return ids(
                em.createNativeQuery(
                                "SELECT execution_id FROM collection_executions WHERE job_id = ?1"
                                        + " ORDER BY started_at, execution_id")
                        .setParameter(1, jobId)
                        .getResultList());
    }

    public List<SkippedBar> skipped(long jobId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT symbol, location, reason FROM collection_skips WHERE"
                                        + " job_id = ?1 ORDER BY id")
                        .setParameter(1, jobId)
                        .getResultList();
        return rows.stream().map(r -> new SkippedBar(r[0] + " " + r[1], (String) r[2])).toList();
    }

    public JobStatistics statistics() {
        Map<JobStatus, Long> byStatus = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            byStatus.put(status, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counts =
                em.createNativeQuery("SELECT status, count(*) FROM collection_jobs GROUP BY status")
                        .getResultList();
        counts.forEach(r -> byStatus.put(JobStatus.valueOf((String) r[0]), number(r[1])));
        @SuppressWarnings("unchecked")
        List<Object[]> days =
                em.createNativeQuery(
                                "SELECT CAST(date_trunc('day', j.created_at AT TIME ZONE 'UTC')"
                                        + " AS DATE), SUM(p.bars_written) FROM collection_jobs j"
                                        + " JOIN collection_partitions p ON p.job_id = j.id"
                                        + " GROUP BY 1 ORDER BY 1")
                        .getResultList();
        List<JobStatistics.DailyBars> perDay =
                days.stream()
                        .map(r -> new JobStatistics.DailyBars(day(r[0]), number(r[1])))
                        .toList();
        return new JobStatistics(byStatus, perDay);
    }

    /**
     * Deletes collections that ended before the cutoff, with their partitions, executions and
     * skips; returns the batch executions they had, for the batch repository's own cleanup.
     */
    public List<Long> deleteEndedBefore(Instant cutoff) {
        List<Long> executions =
                ids(
                        em.createNativeQuery(
                                        "SELECT e.execution_id FROM collection_executions e JOIN"
                                                + " collection_jobs j ON j.id = e.job_id WHERE"
                                                + " j.ended_at < ?1 AND j.status NOT IN"
                                                + " ('STARTING', 'STARTED', 'STOPPING')")
                                .setParameter(1, Timestamp.from(cutoff))
                                .getResultList());
        em.createNativeQuery(
                        "DELETE FROM collection_jobs WHERE ended_at < ?1 AND status NOT IN"
                                + " ('STARTING', 'STARTED', 'STOPPING')")
                .setParameter(1, Timestamp.from(cutoff))
                .executeUpdate();
        return executions;
    }

    private void linkExecution(long jobId, long executionId, Instant now) {
        em.createNativeQuery(
                        "INSERT INTO collection_executions (job_id, execution_id, started_at)"
                                + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, jobId)
                .setParameter(2, executionId)
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
    }

    private JobSnapshot snapshot(CollectionJob job, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT symbol, status, windows_done, windows_total, bars_written,"
                                        + " bars_skipped, retries, last_error FROM"
                                        + " collection_partitions WHERE job_id = ?1 ORDER BY"
                                        + " position")
                        .setParameter(1, job.id())
                        .getResultList();
        List<PartitionProgress> partitions =
                rows.stream()
                        .map(
                                r ->
                                        new PartitionProgress(
                                                (String) r[0],
                                                JobStatus.valueOf((String) r[1]),
                                                number(r[2]),
                                                number(r[3]),
                                                number(r[4]),
                                                number(r[5]),
                                                number(r[6]),
                                                (String) r[7]))
                        .toList();
        return JobProgress.snapshot(job, job.request(symbolsOf(partitions)), partitions, now);
    }

    private List<String> symbols(long jobId) {
        @SuppressWarnings("unchecked")
        List<String> symbols =
                em.createNativeQuery(
                                "SELECT symbol FROM collection_partitions WHERE job_id = ?1 ORDER"
                                        + " BY position")
                        .setParameter(1, jobId)
                        .getResultList();
        return symbols;
    }

    private static List<String> symbolsOf(List<PartitionProgress> partitions) {
        return partitions.stream().map(PartitionProgress::symbol).toList();
    }

    /** Where a partition's row is written only by the collection's current execution. */
    private static String currentExecution(int parameter) {
        return CURRENT_EXECUTION + parameter + ")";
    }

    private CollectionJob existing(long jobId) {
        return job(jobId).orElseThrow(() -> new IllegalStateException("No collection " + jobId));
    }

    private static String[] texts(List<String> values, int max) {
        return values.stream().map(v -> clip(v, max)).toArray(String[]::new);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(List<?> rows) {
        return ((List<Object>) rows).stream().map(CollectionStore::number).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate day(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }
}

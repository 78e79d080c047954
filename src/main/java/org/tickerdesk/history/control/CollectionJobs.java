package org.tickerdesk.history.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.tickerdesk.history.entity.CollectionJob;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobChanged;
import org.tickerdesk.history.entity.JobDetail;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatistics;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.PartitionProgress;

/**
 * Collections as the REST API, the pages and the batch job see them. Each one is a row kept by
 * {@link CollectionStore} and run by Jakarta Batch's {@code collect-history} job; a restart, and
 * the run after a dead server's, is a further batch execution of the same collection that goes on
 * from each instrument's stored cursor. Batch jobs are never started inside a container
 * transaction, so nothing here runs in one: each store call commits on its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CollectionJobs {

    static final String JOB = "collect-history";

    private static final Logger LOG = Logger.getLogger(CollectionJobs.class.getName());

    @Inject CollectionStore store;

    @Inject CollectionChecks checks;

    @Inject BatchRepository repository;

    @Inject ExecutionHistory history;

    @Inject Event<JobChanged> changed;

    @Inject Clock clock;

    public JobSnapshot start(CollectionRequest request, String requestedBy) {
        checks.check(request);
        long id = store.create(request, requestedBy, clock.instant());
        launch(id);
        return publish(id);
    }

    public Optional<JobSnapshot> find(long id) {
        return store.snapshot(id, clock.instant());
    }

    public Optional<JobDetail> detail(long id) {
        return find(id).map(
                        job ->
                                new JobDetail(
                                        job,
                                        history.executions(store.executions(id), job.partitions()),
                                        store.skipped(id)));
    }

    public List<JobSnapshot> list(JobFilter filter) {
        return store.list(filter, clock.instant());
    }

    /** Asks it to stop: each instrument finishes its current window, which is then checkpointed. */
    public JobSnapshot stop(long id) {
        CollectionJob job = existing(id);
        if (!job.status().isRunning()) {
            throw new JobConflictException(
                    "Collection " + id + " is " + job.status() + ", not running");
        }
        store.stopping(id, clock.instant());
        if (job.executionId() != null) {
            history.stop(job.executionId());
        }
        return publish(id);
    }

    /** Runs it again from where each instrument stopped: after STOPPED or FAILED. */
    public JobSnapshot restart(long id) {
        CollectionJob job = existing(id);
        if (!job.status().isRestartable()) {
            throw new JobConflictException(
                    "Collection "
                            + id
                            + " is "
                            + job.status()
                            + "; only a STOPPED or FAILED one can be restarted");
        }
        store.restarting(id, clock.instant());
        launch(id);
        return publish(id);
    }

    /** Gives it up for good; it must not be running. */
    public JobSnapshot abandon(long id) {
        CollectionJob job = existing(id);
        if (job.status().isRunning() || job.status().isFinal()) {
            throw new JobConflictException(
                    "Collection "
                            + id
                            + " is "
                            + job.status()
                            + "; only a STOPPED or FAILED one can be abandoned");
        }
        store.abandon(id, clock.instant());
        if (job.executionId() != null) {
            history.abandon(job.executionId());
        }
        return publish(id);
    }

    public JobStatistics statistics() {
        return store.statistics();
    }

    /**
     * Runs again, from each instrument's stored cursor, every collection a server that died left
     * running, that is every collection marked running that did not change since this server
     * started; its dead execution is marked failed. One that was being stopped ends STOPPED
     * instead. Returns how many were restarted.
     */
    public int recover(Instant serverStarted) {
        int restarted = 0;
        for (long id : store.runningUnchangedSince(serverStarted)) {
            Optional<CollectionJob> job = store.job(id);
            if (job.isEmpty()) {
                continue;
            }
            if (job.get().executionId() != null) {
                repository.markDead(job.get().executionId(), clock.instant());
            }
            if (job.get().status() == JobStatus.STOPPING) {
                // someone asked it to stop before the server died: it stays stopped
                store.ended(id, JobStatus.STOPPED, null, clock.instant());
                publish(id);
                continue;
            }
            store.restarting(id, clock.instant());
            launch(id);
            publish(id);
            restarted++;
            LOG.info(() -> "Restarted collection " + id + ", left running by a stopped server");
        }
        return restarted;
    }

    /** The batch job's listener: its execution began. */
    public void executionBegan(long id, long executionId) {
        store.executing(id, executionId, clock.instant());
        publish(id);
    }

    /**
     * The batch job's listener: its execution ended so. A run in which an instrument failed for
     * good ends FAILED, although the batch step itself completed. Returns the exit status.
     */
    public String executionEnded(long id, String batchStatus) {
        JobStatus outcome = outcome(batchStatus);
        String error = null;
        if (outcome == JobStatus.COMPLETED) {
            List<PartitionProgress> failed =
                    store.snapshot(id, clock.instant()).orElseThrow().partitions().stream()
                            .filter(p -> p.status() == JobStatus.FAILED)
                            .toList();
            if (!failed.isEmpty()) {
                outcome = JobStatus.FAILED;
                error = failed.get(0).symbol() + ": " + failed.get(0).lastError();
            }
        }
        store.ended(id, outcome, error, clock.instant());
        publish(id);
        return outcome.name();
    }

    /**
     * The runtime calls its job listeners before it settles the final status, so an execution that
     * ran through still says STARTED there, and one asked to stop says STOPPING.
     */
    private static JobStatus outcome(String batchStatus) {
        if (batchStatus == null) {
            return JobStatus.FAILED;
        }
        return switch (BatchStatus.valueOf(batchStatus)) {
            case COMPLETED, STARTED, STARTING -> JobStatus.COMPLETED;
            case STOPPED, STOPPING -> JobStatus.STOPPED;
            case ABANDONED -> JobStatus.ABANDONED;
            default -> JobStatus.FAILED;
        };
    }

    private void launch(long id) {
        Properties parameters = new Properties();
        parameters.setProperty("collection", Long.toString(id));
        JobOperator operator = BatchRuntime.getJobOperator();
        long execution = operator.start(JOB, parameters);
        store.launched(id, execution, clock.instant());
    }

    private CollectionJob existing(long id) {
        return store.job(id).orElseThrow(() -> new UnknownJobException(id));
    }

    private JobSnapshot publish(long id) {
        JobSnapshot snapshot = store.snapshot(id, clock.instant()).orElseThrow();
        changed.fire(new JobChanged(snapshot));
        return snapshot;
    }
}

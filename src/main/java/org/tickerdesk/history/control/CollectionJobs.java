package org.tickerdesk.history.control;

import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
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
 *
 * <p>In a cluster the leader runs the collections. One asked for (or restarted) on a follower is
 * stored without a member, and the leader launches it at its next {@link #dispatch}. A collection
 * belongs to the member that launched its current execution; a new leader restarts those whose
 * member has been missing from the grid for {@link #CONFIRMED}, never one a live member still runs.
 * Only the current execution's writes count: one that a frozen member resumes after it was taken
 * over is rolled back and ends without touching the collection, and the bars it may have stored
 * before are the same bars, stored again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CollectionJobs {

    static final String JOB = "collect-history";

    /** The exit status of an execution another one took the collection over from. */
    static final String SUPERSEDED = "SUPERSEDED";

    private static final Logger LOG = Logger.getLogger(CollectionJobs.class.getName());

    @Inject CollectionStore store;

    @Inject CollectionChecks checks;

    @Inject BatchRepository repository;

    @Inject ExecutionHistory history;

    @Inject BatchOperator batch;

    @Inject Event<JobChanged> changed;

    @Inject Clock clock;

    @Inject Leadership leadership;

    /**
     * How long a running collection's member must be missing from the grid before the leader
     * restarts it: longer than a live member takes to write its new grid id into its collections
     * after a merge ({@link #keepOwnCollections}, every 2 s).
     */
    static final Duration CONFIRMED = Duration.ofSeconds(3);

    /** Every grid id this member has had. */
    private final Set<String> ownIds = ConcurrentHashMap.newKeySet();

    /** The running collections whose member the leader found missing, by id. */
    private final Map<Long, Unclaimed> unclaimed = new ConcurrentHashMap<>();

    /**
     * Stores the collection and, on the member that leads, launches it; on a follower it waits
     * (STARTING) for the leader to launch it.
     */
    public JobSnapshot start(CollectionRequest request, String requestedBy) {
        checks.check(request);
        long id = store.create(request, requestedBy, clock.instant());
        launchHereOrLeaveToTheLeader(id);
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
        launchHereOrLeaveToTheLeader(id);
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
            if (job.isPresent() && resume(job.get())) {
                restarted++;
                LOG.info(() -> "Restarted collection " + id + ", left running by a stopped server");
            }
        }
        return restarted;
    }

    /**
     * What the leader of a cluster does, on taking the lead and every little while: launches the
     * collections that wait for a member (asked for on a follower, or while no member led), and
     * when {@code restartLeft}, restarts from its checkpoints every running collection whose member
     * has left the grid. Each is taken over only if no other member took it meanwhile, so two
     * members that both believe they lead never both launch one. Returns how many it launched.
     */
    public int dispatch(boolean restartLeft) {
        String self = member();
        int launched = 0;
        for (long id : store.waiting()) {
            if (!store.takeOver(id, null, self, clock.instant())) {
                continue;
            }
            Optional<CollectionJob> job = store.job(id);
            if (job.isEmpty()) {
                continue;
            }
            if (job.get().status() == JobStatus.STOPPING) {
                // asked to stop before any member launched it
                store.ended(id, JobStatus.STOPPED, null, clock.instant());
                publish(id);
                continue;
            }
            if (!launchTaken(id, null)) {
                continue;
            }
            publish(id);
            launched++;
            LOG.info(() -> "Launched collection " + id + ", asked for on another member");
        }
        if (!restartLeft) {
            return launched;
        }
        Set<String> live =
                leadership.view().members().stream()
                        .map(ClusterMember::uuid)
                        .collect(Collectors.toSet());
        Instant now = clock.instant();
        Map<Long, String> outside = store.runningOutside(live);
        unclaimed.keySet().retainAll(outside.keySet());
        for (Map.Entry<Long, String> left : outside.entrySet()) {
            long id = left.getKey();
            Unclaimed seen =
                    unclaimed.merge(
                            id,
                            new Unclaimed(left.getValue(), now),
                            (before, again) ->
                                    Objects.equals(before.member(), again.member())
                                            ? before
                                            : again);
            if (Duration.between(seen.since(), now).compareTo(CONFIRMED) < 0) {
                continue;
            }
            unclaimed.remove(id);
            Optional<CollectionJob> job = store.job(id);
            if (job.isPresent() && resume(job.get())) {
                launched++;
                LOG.info(
                        () ->
                                "Restarted collection "
                                        + id
                                        + " from its checkpoints: its member "
                                        + job.get().runBy()
                                        + " left the cluster");
            }
        }
        return launched;
    }

    /**
     * What every member of a cluster does every little while for the collections it runs. Its grid
     * UUID may change (a member of a split grid's merging half gets a new one): it writes the UUID
     * it has now into those it launched under an earlier one, so the leader sees a live member run
     * them. It also passes on to its batch runtime the stops asked for on other members: the batch
     * runtime stops only an execution of its own.
     */
    public void keepOwnCollections() {
        String self = member();
        List<String> before = ownIds.stream().filter(id -> !id.equals(self)).toList();
        if (!before.isEmpty()) {
            int moved = store.renamed(before, self, clock.instant());
            if (moved > 0) {
                LOG.info(() -> moved + " collections now say this member's new grid id " + self);
            }
        }
        store.stoppingOn(self).forEach(history::stop);
    }

    /**
     * Takes over a collection its member left running (it died, or was dropped from the grid) and
     * runs it again from each instrument's stored cursor; its dead execution is marked failed. One
     * that was being stopped ends STOPPED instead. Returns whether it was restarted.
     */
    private boolean resume(CollectionJob job) {
        long id = job.id();
        if (!store.takeOver(id, job.runBy(), member(), clock.instant())) {
            return false;
        }
        if (job.executionId() != null) {
            repository.markDead(job.executionId(), clock.instant());
        }
        if (job.status() == JobStatus.STOPPING) {
            // someone asked it to stop before its member died: it stays stopped
            store.ended(id, JobStatus.STOPPED, null, clock.instant());
            publish(id);
            return false;
        }
        store.restarting(id, clock.instant());
        if (!launchTaken(id, job.runBy())) {
            return false;
        }
        publish(id);
        return true;
    }

    /**
     * Launches a collection this member has just taken over from {@code previous}. When the batch
     * runtime refuses, the collection goes back to {@code previous}, so that the next dispatch
     * tries again, instead of staying with a member that runs nothing for it.
     */
    private boolean launchTaken(long id, String previous) {
        try {
            launch(id);
            return true;
        } catch (RuntimeException e) {
            store.takeOver(id, member(), previous, clock.instant());
            LOG.warning(
                    () ->
                            "Collection "
                                    + id
                                    + " could not be launched, the next dispatch tries again: "
                                    + e.getMessage());
            return false;
        }
    }

    /**
     * The batch job's listener: its execution began. One launched by a member that no longer has
     * the collection (it was taken over meanwhile) changes nothing; its writes are refused.
     */
    public void executionBegan(long id, long executionId) {
        Optional<CollectionJob> job = store.job(id);
        String runBy = job.map(CollectionJob::runBy).orElse(null);
        if (runBy != null && !runBy.equals(member())) {
            LOG.warning(
                    () ->
                            "Batch execution "
                                    + executionId
                                    + " began for collection "
                                    + id
                                    + ", which member "
                                    + runBy
                                    + " runs now: it will store nothing");
            return;
        }
        store.executing(id, executionId, clock.instant());
        publish(id);
    }

    /**
     * The batch job's listener: its execution ended so. A run in which an instrument failed for
     * good ends FAILED, although the batch step itself completed. An execution that another took
     * the collection over from leaves the collection as it is. Returns the exit status.
     */
    public String executionEnded(long id, long executionId, String batchStatus) {
        Long current = store.job(id).map(CollectionJob::executionId).orElse(null);
        if (current != null && current != executionId) {
            LOG.info(
                    () ->
                            "Batch execution "
                                    + executionId
                                    + " of collection "
                                    + id
                                    + " ended "
                                    + batchStatus
                                    + " after execution "
                                    + current
                                    + " took the collection over; the collection is that one's");
            return SUPERSEDED;
        }
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

    private void launchHereOrLeaveToTheLeader(long id) {
        if (leadership.leading()) {
            store.runBy(id, member(), clock.instant());
            launch(id);
        } else {
            store.runBy(id, null, clock.instant());
            LOG.info(() -> "Collection " + id + " waits for the leader to launch it");
        }
    }

    /** This member's id in the grid (a server alone has one too), as collections record it. */
    private String member() {
        String id = leadership.view().local().map(ClusterMember::uuid).orElse("unknown");
        ownIds.add(id);
        return id;
    }

    /** A running collection whose member was not in the grid, since when it was seen so. */
    private record Unclaimed(String member, Instant since) {}

    private void launch(long id) {
        Properties parameters = new Properties();
        parameters.setProperty("collection", Long.toString(id));
        long execution = batch.get().start(JOB, parameters);
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

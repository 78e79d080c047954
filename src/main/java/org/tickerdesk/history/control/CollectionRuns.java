package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.history.entity.CollectedWindow;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.PartitionState;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.WindowStored;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * What the collection job's reader and writer do for one instrument. Opening plans the windows
 * still needed from the partition's stored cursor (so a restart, or the run after a dead server's,
 * goes on where the last stored window ended); reading fetches the next window with retries;
 * storing writes its bars, the new cursor and the counts in the chunk's one transaction.
 *
 * <p>A window that fails in a way no retry cures ends its instrument's part as FAILED with the
 * source's reason, in one warning line; the other instruments go on, and the collection ends FAILED
 * and can be restarted from that window.
 */
@ApplicationScoped
public class CollectionRuns {

    private static final Logger LOG = Logger.getLogger(CollectionRuns.class.getName());

    /**
     * Where nothing is stored yet, an incremental collection without a start reaches back this far.
     */
    static final Duration INCREMENTAL_DEFAULT_REACH = Duration.ofDays(365);

    @Inject CollectionStore store;

    @Inject BarStore bars;

    @Inject InstrumentCatalog catalog;

    @Inject HistorySources sources;

    @Inject WindowFetcher fetcher;

    @Inject RangePlanner planner;

    @Inject Event<WindowStored> stored;

    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "tickerdesk.history.fetch-timeout-seconds")
    int timeoutSeconds;

    /**
     * Before any instrument has begun, how many windows each will take where that can be told
     * without asking the store (a fixed range, not incremental, not only gaps), so the collection
     * shows its whole size from the start; each instrument's own plan replaces the estimate.
     */
    public void estimate(long jobId) {
        CollectionRequest request =
                store.request(jobId)
                        .orElseThrow(() -> new IllegalStateException("No collection " + jobId));
        if (request.incremental() || request.gapsOnly() || request.from() == null) {
            return;
        }
        Instant to =
                request.toNow()
                        ? WindowPlan.upToNow(request.barSize(), clock.instant())
                        : request.to();
        Optional<Duration> longest;
        try {
            longest = sources.named(request.source()).longestWindow(request.barSize());
        } catch (HistoryFailureException e) {
            // each instrument meets the same failure when it begins, and says so there
            return;
        }
        longest.filter(window -> request.from().isBefore(to))
                .ifPresent(
                        window ->
                                store.estimated(
                                        jobId,
                                        WindowPlan.windows(
                                                        List.of(new TimeRange(request.from(), to)),
                                                        window)
                                                .size()));
    }

    /**
     * The instrument's part of the collection in batch execution {@code execution}, or empty when
     * it cannot run (and is marked so).
     */
    public Optional<PartitionRun> open(long jobId, long execution, int position) {
        CollectionRequest request =
                store.request(jobId)
                        .orElseThrow(() -> new IllegalStateException("No collection " + jobId));
        PartitionState state = store.partition(jobId, position);
        Optional<Instrument> instrument = catalog.find(state.symbol());
        if (instrument.isEmpty()) {
            fail(
                    jobId,
                    execution,
                    position,
                    state.symbol() + " is no longer an instrument Tickerdesk knows",
                    0);
            return Optional.empty();
        }
        HistorySource source = sources.named(request.source());
        try {
            Instant plannedTo =
                    state.plannedTo() != null
                            ? state.plannedTo()
                            : request.toNow()
                                    ? WindowPlan.upToNow(request.barSize(), clock.instant())
                                    : request.to();
            Instant start =
                    state.cursor() != null ? state.cursor() : start(request, instrument.get());
            List<TimeRange> windows =
                    start.isBefore(plannedTo)
                            ? WindowPlan.windows(
                                    planner.stretches(
                                            instrument.get(),
                                            request,
                                            new TimeRange(start, plannedTo)),
                                    source.longestWindow(request.barSize())
                                            .orElseThrow(
                                                    () ->
                                                            new HistoryFailureException(
                                                                    HistoryFailureException.Kind
                                                                            .REFUSED,
                                                                    request.source().wire()
                                                                            + " has no "
                                                                            + request.barSize()
                                                                                    .label()
                                                                            + " bars")))
                            : List.of();
            Instant cursor = windows.isEmpty() ? plannedTo : windows.get(0).from();
            store.planned(jobId, execution, position, plannedTo, cursor, windows.size());
            return Optional.of(
                    new PartitionRun(
                            jobId,
                            execution,
                            position,
                            instrument.get().id(),
                            instrument.get().contract(),
                            request,
                            source,
                            windows,
                            plannedTo));
        } catch (HistoryFailureException e) {
            fail(jobId, execution, position, e.getMessage(), 0);
            return Optional.empty();
        }
    }

    /** The next window, or empty when the instrument is done or its source failed for good. */
    public Optional<CollectedWindow> read(PartitionRun run) {
        if (!run.hasNext()) {
            store.partitionEnded(
                    run.jobId(),
                    run.execution(),
                    run.position(),
                    JobStatus.COMPLETED,
                    null,
                    0,
                    clock.instant());
            return Optional.empty();
        }
        try {
            return Optional.of(run.fetchNext(fetcher, Duration.ofSeconds(timeoutSeconds)));
        } catch (HistoryFailureException e) {
            fail(run.jobId(), run.execution(), run.position(), e.getMessage(), run.lastRetries());
            return Optional.empty();
        }
    }

    /**
     * Stores a window in the caller's transaction: its bars, the new cursor, the counts. An
     * execution that is no longer the collection's (another member took it over) stores nothing:
     * {@link SupersededExecutionException} rolls the transaction back.
     */
    public void store(PartitionRun run, CollectedWindow window) {
        List<SkippedBar> skipped = window.answer().skipped();
        CollectionRequest request = run.request();
        int written =
                window.answer().bars().isEmpty()
                        ? 0
                        : bars.upsert(
                                run.instrumentId(),
                                request.barSize(),
                                request.whatToShow(),
                                run.source().name().wire(),
                                clock.instant(),
                                window.answer().bars());
        store.windowStored(
                run.jobId(),
                run.execution(),
                run.position(),
                run.symbol(),
                window.next(),
                written,
                skipped,
                window.retries());
        if (!skipped.isEmpty()) {
            LOG.warning(
                    () ->
                            "Collection "
                                    + run.jobId()
                                    + " skipped "
                                    + skipped.size()
                                    + " bars of "
                                    + run.symbol()
                                    + " from "
                                    + window.window().from()
                                    + " to "
                                    + window.window().to()
                                    + ": "
                                    + skipped.stream()
                                            .limit(3)
                                            .map(SkippedBar::toString)
                                            .collect(Collectors.joining("; "))
                                    + (skipped.size() > 3 ? "; …" : ""));
        }
        stored.fire(new WindowStored(run.jobId()));
    }

    private Instant start(CollectionRequest request, Instrument instrument) {
        if (request.incremental()) {
            Optional<Instant> last =
                    bars.lastStart(instrument.id(), request.barSize(), request.whatToShow());
            if (last.isPresent()) {
                Instant after = last.get().plus(request.barSize().length());
                return request.from() == null || after.isAfter(request.from())
                        ? after
                        : request.from();
            }
            if (request.from() == null) {
                return WindowPlan.upToNow(request.barSize(), clock.instant())
                        .minus(INCREMENTAL_DEFAULT_REACH);
            }
        }
        return request.from();
    }

    private void fail(long jobId, long execution, int position, String reason, long retries) {
        LOG.warning(() -> "Collection " + jobId + ": " + reason);
        store.partitionEnded(
                jobId, execution, position, JobStatus.FAILED, reason, retries, clock.instant());
    }
}

package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tickerdesk.history.entity.JobChanged;
import org.tickerdesk.history.entity.WindowStored;

/**
 * Publishes a collection's progress once a window's transaction has committed, never more than
 * {@link #MIN_GAP} apart per collection: a fast source commits hundreds of windows a second, and
 * the pages need a few updates a second, not hundreds. Status changes are published by {@link
 * CollectionJobs} as they happen, so the last progress is never lost: the end of a run follows it.
 */
@ApplicationScoped
public class JobNotices {

    static final Duration MIN_GAP = Duration.ofMillis(250);

    private final ConcurrentMap<Long, Instant> lastSent = new ConcurrentHashMap<>();

    @Inject CollectionStore store;

    @Inject Event<JobChanged> changed;

    @Inject Clock clock;

    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) WindowStored window) {
        Instant now = clock.instant();
        Instant previous = lastSent.get(window.jobId());
        if (previous != null && Duration.between(previous, now).compareTo(MIN_GAP) < 0) {
            return;
        }
        if (previous == null
                ? lastSent.putIfAbsent(window.jobId(), now) != null
                : !lastSent.replace(window.jobId(), previous, now)) {
            return;
        }
        store.snapshot(window.jobId(), now).ifPresent(job -> changed.fire(new JobChanged(job)));
    }
}

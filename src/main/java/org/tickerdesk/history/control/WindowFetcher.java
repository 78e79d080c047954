package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;

/**
 * Asks a source for one window, and asks again when it fails in a way that may pass: MicroProfile
 * Fault Tolerance retries a {@link SourceUnavailableException} up to 8 times, 2 s apart with up to
 * a second of jitter either way, for at most 15 minutes, then lets it through. A failure no retry
 * can cure (the source refused, knows no such contract) goes through at once. The retry policy is
 * configurable with MicroProfile Config ({@code
 * org.tickerdesk.history.control.WindowFetcher/fetch/Retry/maxRetries} and so on).
 *
 * <p>However many collections run, at most {@link HistorySource#parallelism()} windows of one
 * source are in flight at once: the others wait here for a turn (up to the call's timeout, which
 * then counts as a passing failure).
 */
@ApplicationScoped
public class WindowFetcher {

    private static final Logger LOG = Logger.getLogger(WindowFetcher.class.getName());

    private final ConcurrentMap<HistorySourceName, Semaphore> turns = new ConcurrentHashMap<>();

    /**
     * One attempt; {@code attempts} counts every attempt, so the caller knows how many retries the
     * window took.
     */
    @Retry(
            maxRetries = 8,
            delay = 2000,
            delayUnit = ChronoUnit.MILLIS,
            jitter = 1000,
            maxDuration = 900_000,
            durationUnit = ChronoUnit.MILLIS,
            retryOn = SourceUnavailableException.class)
    public SourceBars fetch(
            HistorySource source, HistoryWindow window, Duration timeout, AtomicLong attempts) {
        long attempt = attempts.incrementAndGet();
        Semaphore turn =
                turns.computeIfAbsent(source.name(), name -> new Semaphore(source.parallelism()));
        try {
            if (!turn.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SourceUnavailableException(
                        new HistoryFailureException(
                                HistoryFailureException.Kind.TIMED_OUT,
                                "Every turn at "
                                        + source.name().wire()
                                        + " stayed taken for "
                                        + timeout.toSeconds()
                                        + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryFailureException(
                    HistoryFailureException.Kind.TIMED_OUT,
                    "Interrupted while waiting for a turn at " + source.name().wire());
        }
        try {
            return source.bars(window, timeout);
        } catch (HistoryFailureException e) {
            if (e.kind().isTransient()) {
                LOG.info(
                        () ->
                                "Attempt "
                                        + attempt
                                        + " at "
                                        + window.describe()
                                        + " from "
                                        + source.name().wire()
                                        + " failed for now: "
                                        + e.getMessage());
                throw new SourceUnavailableException(e);
            }
            throw e;
        } finally {
            turn.release();
        }
    }
}

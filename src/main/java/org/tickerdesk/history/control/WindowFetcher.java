package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;

/**
 * Asks a source for one window, and asks again when it fails in a way that may pass: MicroProfile
 * Fault Tolerance retries a {@link SourceUnavailableException} up to 8 times, 2 s apart with up to
 * a second of jitter either way, for at most 15 minutes, then lets it through. A failure no retry
 * can cure (the source refused, knows no such contract) goes through at once. The retry policy is
 * configurable with MicroProfile Config ({@code
 * org.tickerdesk.history.control.WindowFetcher/fetch/Retry/maxRetries} and so on).
 */
@ApplicationScoped
public class WindowFetcher {

    private static final Logger LOG = Logger.getLogger(WindowFetcher.class.getName());

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
        }
    }
}

package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;

/**
 * One attempt at a window, as the retry policy sees it (the policy itself is MicroProfile Fault
 * Tolerance's, in the container): a passing failure is marked for retry, a refusal goes through as
 * it is, every attempt is counted, and a source never has more windows in flight than it allows.
 */
class WindowFetcherTest {

    private static final HistoryWindow WINDOW =
            new HistoryWindow(
                    Contract.stock("AAPL", "SMART"),
                    BarSize.MIN_1,
                    Instant.parse("2024-01-02T00:00:00Z"),
                    Instant.parse("2024-01-03T00:00:00Z"),
                    WhatToShow.TRADES,
                    true,
                    null);

    private final WindowFetcher fetcher = new WindowFetcher();

    /** Answers with what it is given, one call at a time or many. */
    private record Source(int parallelism, Supplier<SourceBars> answer) implements HistorySource {
        @Override
        public HistorySourceName name() {
            return HistorySourceName.YAHOO;
        }

        @Override
        public Optional<Duration> longestWindow(BarSize barSize) {
            return Optional.of(Duration.ofDays(1));
        }

        @Override
        public SourceBars bars(HistoryWindow window, Duration timeout) {
            return answer.get();
        }
    }

    @Test
    void aPassingFailureIsMarkedForRetryAndCounted() {
        AtomicLong attempts = new AtomicLong();
        Source flaky =
                new Source(
                        1,
                        () -> {
                            throw new HistoryFailureException(
                                    HistoryFailureException.Kind.UNAVAILABLE, "HTTP 503");
                        });

        SourceUnavailableException e =
                assertThrows(
                        SourceUnavailableException.class,
                        () -> fetcher.fetch(flaky, WINDOW, Duration.ofSeconds(1), attempts));

        assertEquals("HTTP 503", e.getMessage());
        assertEquals(HistoryFailureException.Kind.UNAVAILABLE, e.kind());
        assertEquals(1, attempts.get());
    }

    @Test
    void aRefusalGoesThroughAsItIs() {
        HistoryFailureException refusal =
                new HistoryFailureException(HistoryFailureException.Kind.REFUSED, "no permission");
        Source refusing =
                new Source(
                        1,
                        () -> {
                            throw refusal;
                        });

        HistoryFailureException e =
                assertThrows(
                        HistoryFailureException.class,
                        () ->
                                fetcher.fetch(
                                        refusing, WINDOW, Duration.ofSeconds(1), new AtomicLong()));

        assertSame(refusal, e);
    }

    @Test
    void aSourceNeverHasMoreWindowsInFlightThanItAllows() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Source slow =
                new Source(
                        2,
                        () -> {
                            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            try {
                                release.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            inFlight.decrementAndGet();
                            return SourceBars.none();
                        });
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread caller =
                    new Thread(
                            () ->
                                    fetcher.fetch(
                                            slow,
                                            WINDOW,
                                            Duration.ofSeconds(10),
                                            new AtomicLong()));
            caller.setDaemon(true);
            caller.start();
            callers.add(caller);
        }
        Thread.sleep(300);
        assertEquals(2, inFlight.get(), "two in flight, three waiting for a turn");

        release.countDown();
        for (Thread caller : callers) {
            caller.join(5000);
        }

        assertEquals(2, most.get());
        assertTrue(callers.stream().noneMatch(Thread::isAlive));
    }
}

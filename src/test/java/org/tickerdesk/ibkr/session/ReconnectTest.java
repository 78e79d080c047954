package org.tickerdesk.ibkr.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconnectTest {

    @Test
    void backoffDoublesUpToTheCapWithoutJitter() {
        ReconnectPolicy policy =
                new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.25, () -> 0.0);
        List<Long> seconds = new ArrayList<>();
        for (int attempt = 1; attempt <= 9; attempt++) {
            seconds.add(policy.delay(attempt).toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), seconds);
        assertEquals(Duration.ofSeconds(60), policy.delay(10_000));
    }

    @Test
    void jitterShortensEachDelayByAtMostItsShare() {
        ReconnectPolicy policy =
                new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.25, () -> 1.0);
        assertEquals(Duration.ofMillis(750), policy.delay(1));
        assertEquals(Duration.ofMillis(45_000), policy.delay(12));
        ReconnectPolicy half =
                new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.25, () -> 0.5);
        assertEquals(Duration.ofMillis(3_500), half.delay(3));
    }

    @Test
    void theStandardCeilingCanBeLoweredButNotBelowTheFirstWait() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration delay = ReconnectPolicy.standard(Duration.ofSeconds(2)).delay(attempt);
            assertTrue(
                    delay.compareTo(Duration.ofSeconds(2)) <= 0,
                    "attempt " + attempt + " waits " + delay);
        }
        Duration floor = ReconnectPolicy.standard(Duration.ZERO).delay(5);
        assertTrue(
                floor.compareTo(Duration.ofMillis(750)) >= 0
                        && floor.compareTo(Duration.ofSeconds(1)) <= 0,
                "a ceiling below 1 s means 1 s: " + floor);
    }

    @Test
    void reconnectorRetriesWithTheScheduleUntilItSucceeds() throws Exception {
        List<Duration> slept = new ArrayList<>();
        Reconnector reconnector =
                new Reconnector(
                        new ReconnectPolicy(
                                Duration.ofMillis(500), Duration.ofSeconds(5), 0.2, () -> 0.0),
                        slept::add);
        AtomicInteger tries = new AtomicInteger();
        int failures =
                reconnector.connect(
                        () -> {
                            if (tries.incrementAndGet() <= 6) {
                                throw new IOException("Connection refused");
                            }
                        });
        assertEquals(6, failures);
        assertEquals(
                List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L),
                slept.stream().map(Duration::toMillis).toList());
    }

    @Test
    void reconnectorStopsWhenInterrupted() {
        Reconnector reconnector =
                new Reconnector(
                        ReconnectPolicy.standard(),
                        d -> {
                            throw new InterruptedException("stop");
                        });
        assertThrows(
                InterruptedException.class,
                () ->
                        reconnector.connect(
                                () -> {
                                    throw new IOException("down");
                                }));
    }

    @Test
    void policyChecksItsSettings() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 0.1, () -> 0.0));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ReconnectPolicy(
                                Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1, () -> 0.0));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ReconnectPolicy(
                                Duration.ofSeconds(1), Duration.ofSeconds(2), 1.0, () -> 0.0));
    }
}

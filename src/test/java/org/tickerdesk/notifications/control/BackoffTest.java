package org.tickerdesk.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pause before a failed delivery's next attempt: 5 s, doubling, never more than 15 min. */
class BackoffTest {

    @Test
    void theDefaultDoublesFromFiveSecondsAndStopsAtFifteenMinutes() {
        List<Duration> pauses =
                IntStream.rangeClosed(1, 10).mapToObj(Backoff.DEFAULT::after).toList();

        assertEquals(
                List.of(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(160),
                        Duration.ofSeconds(320),
                        Duration.ofSeconds(640),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15)),
                pauses);
    }

    @Test
    void aFailureFarIntoAnOutageWaitsTheCapWithoutOverflowing() {
        assertEquals(Duration.ofMinutes(15), Backoff.DEFAULT.after(10_000));
    }

    @Test
    void aCapShorterThanTheFirstPauseOrNoFailureIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.after(0));
    }
}

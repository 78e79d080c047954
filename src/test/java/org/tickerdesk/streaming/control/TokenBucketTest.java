package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.RequestRate;
import org.tickerdesk.testing.SettableClock;

/** A bucket of 50 tokens refilled at 20 a second, on a clock that moves only when told. */
class TokenBucketTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2025-01-02T10:00:00Z"));
    private final TokenBucket bucket = new TokenBucket(new RequestRate(20, 50), clock);

    @Test
    void aFullBucketGivesTheWholeBurstAtOnceAndThenNothing() {
        assertEquals(50, takeAll());
        assertFalse(bucket.tryTake());
    }

    @Test
    void tokensComeBackAtTheRate() {
        takeAll();

        clock.advance(Duration.ofMillis(49));
        assertFalse(bucket.tryTake(), "a token takes 1/20 s = 50 ms to come back");
        clock.advance(Duration.ofMillis(1));
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());

        clock.advance(Duration.ofMillis(500));
        assertEquals(10, takeAll(), "half a second at 20 a second");
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        takeAll();

        clock.advance(Duration.ofHours(1));

        assertEquals(50, takeAll());
    }

    @Test
    void aSustainedRateAtTheLimitIsServedForever() {
        takeAll();
        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMillis(50));
            assertTrue(bucket.tryTake(), "request " + i);
        }
    }

    @Test
    void aClockSetBackTakesNoTokensAway() {
        takeAll();
        clock.advance(Duration.ofSeconds(-10));
        clock.advance(Duration.ofMillis(50));

        assertFalse(bucket.tryTake(), "still 9.95 s before the last refill");
    }

    private int takeAll() {
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        return taken;
    }
}

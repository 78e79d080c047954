package org.tickerdesk.streaming.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.streaming.entity.RequestRate;

/**
 * A token bucket: full ({@code burst} tokens) at first, refilled continuously at {@code perSecond}
 * tokens a second up to {@code burst}; each request takes one. Time comes from the clock it is
 * given, so a test decides how much of it passes.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final RequestRate rate;
    private final Clock clock;
    private double tokens;
    private Instant refilled;

    TokenBucket(RequestRate rate, Clock clock) {
        this.rate = Objects.requireNonNull(rate, "rate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = rate.burst();
        this.refilled = clock.instant();
    }

    /**
     * @return whether a token was there to take
     */
    synchronized boolean tryTake() {
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** A clock set back refills nothing rather than taking tokens away. */
    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(refilled, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(rate.burst(), tokens + elapsed * rate.perSecond() / NANOS_PER_SECOND);
            refilled = now;
        }
    }
}

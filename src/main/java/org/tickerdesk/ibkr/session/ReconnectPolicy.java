package org.tickerdesk.ibkr.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before reconnection attempt n: exponential from {@code initial}, doubling up to
 * {@code max}, each delay shortened by a random share of up to {@code jitter} so that several
 * instances restarting together do not hit TWS in step.
 */
public final class ReconnectPolicy {

    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    public ReconnectPolicy(Duration initial, Duration max, double jitter, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Need 0 < initial <= max");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("Jitter must be in [0, 1)");
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
    }

    /** 1 s doubling to 60 s, up to a quarter off each delay. */
    public static ReconnectPolicy standard() {
        return standard(Duration.ofSeconds(60));
    }

    /** 1 s doubling to {@code max} (at least 1 s), up to a quarter off each delay. */
    public static ReconnectPolicy standard(Duration max) {
        Duration initial = Duration.ofSeconds(1);
        return new ReconnectPolicy(
                initial,
                max.compareTo(initial) < 0 ? initial : max,
                0.25,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before attempt {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts count from 1");
        }
        long cap = max.toMillis();
        long base = initial.toMillis();
        for (int i = 1; i < attempt && base < cap; i++) {
            base = Math.min(cap, base * 2);
        }
        long off = Math.round(base * jitter * Math.min(1.0, Math.max(0.0, random.getAsDouble())));
        return Duration.ofMillis(base - off);
    }
}

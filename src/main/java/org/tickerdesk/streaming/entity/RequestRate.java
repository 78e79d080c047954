package org.tickerdesk.streaming.entity;

/**
 * How many requests one connection may send: {@code perSecond} on average, and up to {@code burst}
 * at once after a quiet spell, as a token bucket of that size refilled at that rate.
 */
public record RequestRate(int perSecond, int burst) {

    /** 20 a second suits a person's page and a program alike; 50 lets either start up at once. */
    public static final RequestRate DEFAULT = new RequestRate(20, 50);

    public RequestRate {
        if (perSecond < 1) {
            throw new IllegalArgumentException(
                    "At least one request a second must be allowed, not " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException(
                    "A burst of at least one request must be allowed, not " + burst);
        }
    }
}

package org.tickerdesk.streaming.entity;

/**
 * How many messages a second a subscription may deliver of each concrete stream it covers, at most:
 * a client that asks for fewer than the market sends gets each stream's latest value at this pace
 * instead of every value.
 */
public record MaxRate(double perSecond) {

    /** One message every ten seconds: slower than that, a client is better off asking. */
    public static final double MIN = 0.1;

    /** One a millisecond: the finest the server paces; faster is the same as no limit. */
    public static final double MAX = 1000;

    public MaxRate {
        if (!(perSecond >= MIN && perSecond <= MAX)) {
            throw new IllegalArgumentException(
                    "maxRate is messages a second, a number from "
                            + MIN
                            + " to "
                            + (long) MAX
                            + ", not "
                            + perSecond);
        }
    }

    /**
     * The least time between two messages, in milliseconds: rounded up, so that the rate is never
     * exceeded.
     */
    public long intervalMillis() {
        return (long) Math.ceil(1000 / perSecond);
    }
}

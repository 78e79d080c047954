package org.tickerdesk.trading.entity;

/**
 * How a fired rule closes: at market, or with a limit {@code limitOffsetPercent} beyond the trigger
 * price (below it for a sale, above for a purchase) that falls back to market when it has not
 * filled after {@code fallbackSeconds}, because a stop that triggers and never fills is the classic
 * way to lose more than planned.
 */
public record ExitOrder(Double limitOffsetPercent, int fallbackSeconds) {

    public static final ExitOrder MARKET = new ExitOrder(null, 0);
    public static final int MAX_FALLBACK_SECONDS = 3600;

    public ExitOrder {
        if (limitOffsetPercent != null) {
            if (!(Double.isFinite(limitOffsetPercent)
                    && limitOffsetPercent >= 0
                    && limitOffsetPercent < 50)) {
                throw new IllegalArgumentException(
                        "A limit offset is from 0 to under 50 percent, not " + limitOffsetPercent);
            }
            if (fallbackSeconds < 1 || fallbackSeconds > MAX_FALLBACK_SECONDS) {
                throw new IllegalArgumentException(
                        "A limit exit falls back to market after 1 to "
                                + MAX_FALLBACK_SECONDS
                                + " seconds, not "
                                + fallbackSeconds);
            }
        } else if (fallbackSeconds != 0) {
            throw new IllegalArgumentException("A market exit has nothing to fall back from");
        }
    }

    public boolean isMarket() {
        return limitOffsetPercent == null;
    }
}

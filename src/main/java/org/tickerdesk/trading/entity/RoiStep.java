package org.tickerdesk.trading.entity;

/**
 * A row of a ROI table: from {@code minutes} held on, the position is closed as soon as its profit
 * reaches {@code minimumProfitPercent} (zero: at break-even or better).
 */
public record RoiStep(long minutes, double minimumProfitPercent) {

    public RoiStep {
        if (minutes < 0) {
            throw new IllegalArgumentException(
                    "A ROI step starts at 0 minutes or later: " + minutes);
        }
        if (!Double.isFinite(minimumProfitPercent)) {
            throw new IllegalArgumentException("A ROI step's profit is a number");
        }
    }
}

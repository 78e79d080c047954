package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The copy stop-loss: following a trader pauses once the P&L of what was copied from them (realised
 * and unrealised) has fallen to X % of the allocation below zero, or further. At exactly the
 * threshold it is paused: allocation 10,000 and 20 % pause at a P&L of −2,000.00 or below. While
 * paused, the trader's new entries are skipped; their exits are still copied, since closing only
 * lowers the risk that the stop-loss is there to limit.
 */
public final class CopyStopLoss {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CopyStopLoss() {}

    /** The P&L at or below which following pauses (negative), null without a stop-loss. */
    public static BigDecimal threshold(BigDecimal allocation, BigDecimal percent) {
        Objects.requireNonNull(allocation, "allocation");
        if (percent == null) {
            return null;
        }
        return allocation.multiply(percent).divide(HUNDRED).negate();
    }

    /** True when following is paused: a stop-loss is set and the copied P&L is at or below it. */
    public static boolean paused(BigDecimal allocation, BigDecimal percent, BigDecimal copiedPnl) {
        Objects.requireNonNull(copiedPnl, "copiedPnl");
        BigDecimal threshold = threshold(allocation, percent);
        return threshold != null && copiedPnl.compareTo(threshold) <= 0;
    }
}

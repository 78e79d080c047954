package org.tickerdesk.ibkr.history;

import java.time.Instant;

/**
 * What is left of IB's historical-data pacing allowance at {@code asOf}: requests counted in the
 * last ten minutes (BID_ASK counting double) and how many more fit, open requests and how many more
 * may be open, when the next plain request would be admitted, and until when the gate pauses after
 * a pacing violation ({@code null} when it does not).
 */
public record PacingBudget(
        Instant asOf,
        int usedInWindow,
        int remainingInWindow,
        int open,
        int remainingOpen,
        Instant nextFreeSlot,
        Instant pausedUntil) {}

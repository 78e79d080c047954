package org.tickerdesk.trading.entity;

/** Which rule fired. */
public enum ExitReason {
    STOP_LOSS,
    BREAK_EVEN,
    TRAILING_STOP,
    TAKE_PROFIT,
    TIME_LIMIT,
    ROI
}

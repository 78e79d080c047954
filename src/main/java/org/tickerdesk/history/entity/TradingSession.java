package org.tickerdesk.history.entity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One stretch in which an instrument trades, and the trading day it belongs to: the day a daily bar
 * of it is dated, which for a session that opens the evening before (futures, FX) is the day it
 * closes.
 */
public record TradingSession(LocalDate day, TimeRange hours) {

    public TradingSession {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(hours, "hours");
    }
}

package org.tickerdesk.streaming.control;

import java.time.Clock;
import java.util.Objects;
import org.tickerdesk.streaming.entity.HistoryLimits;

/**
 * What every concrete stream of a server run shares: the run's epoch, the clock, how much history
 * each keeps and the budget all of them keep it in, and the scheduler that paces conflated
 * deliveries.
 */
record StreamContext(
        String epoch,
        Clock clock,
        HistoryLimits historyLimits,
        HistoryBudget budget,
        Scheduler scheduler) {

    StreamContext {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(historyLimits, "historyLimits");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    StreamContext(String epoch, Clock clock, HistoryLimits historyLimits, Scheduler scheduler) {
        this(epoch, clock, historyLimits, new HistoryBudget(historyLimits.characters()), scheduler);
    }
}

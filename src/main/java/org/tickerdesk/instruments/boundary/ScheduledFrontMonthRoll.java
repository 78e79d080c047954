package org.tickerdesk.instruments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.tickerdesk.instruments.control.FrontMonthRoll;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * Hourly, the {@code front-month-roll} task of the tasks console: an expired default future on the
 * watchlist is replaced by the next one ({@link FrontMonthRoll}). A missed run costs nothing: the
 * next one finds the same.
 */
@ApplicationScoped
public class ScheduledFrontMonthRoll implements ScheduledTask {

    @Inject FrontMonthRoll roll;

    @Override
    public String name() {
        return "front-month-roll";
    }

    @Override
    public String description() {
        return "Puts the next E-mini S&P 500 and WTI crude contract on the watchlist when the"
                + " watched one expired, and takes the expired one off once it is settled";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        roll.roll();
    }
}

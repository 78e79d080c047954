package org.tickerdesk.copytrading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.tickerdesk.copytrading.control.Intake;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * The {@code copy-filter} task of the tasks console: every 30 s the trades that wait (market
 * closed, no quote yet) are decided again, and skipped as too old once they waited longer than
 * their trader's maximum delay (15 minutes when the trader sets none); trades a crash left
 * undecided are decided, and copies whose order a crash left unplaced are placed, once.
 */
@ApplicationScoped
public class CopyFilter implements ScheduledTask {

    @Inject Intake intake;

    @Override
    public String name() {
        return "copy-filter";
    }

    @Override
    public String description() {
        return "Decides again the followed traders' trades that wait (market closed, no quote),"
                + " skips those waiting too long, and finishes what a crash left undecided or"
                + " unordered";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void run() {
        intake.refilter();
    }
}

package org.tickerdesk.copytrading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.tickerdesk.copytrading.control.WatchedTraders;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * The {@code traders-refresh} task of the tasks console: every minute the watched traders in JCache
 * are read again from PostgreSQL. Edits never wait for it (each tells the cache after its commit);
 * it repairs what no edit told, such as a row changed by hand.
 */
@ApplicationScoped
public class TradersRefresh implements ScheduledTask {

    @Inject WatchedTraders watched;

    @Override
    public String name() {
        return "traders-refresh";
    }

    @Override
    public String description() {
        return "Reads the followed traders and their settings from the database into the cache"
                + " that the trade intake reads";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        watched.refresh();
    }
}

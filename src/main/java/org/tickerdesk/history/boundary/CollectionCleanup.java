package org.tickerdesk.history.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.tickerdesk.history.control.CollectionCleaner;
import org.tickerdesk.history.entity.CleanupResult;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * Once a day, forgets collections that ended longer ago than the retention ({@code
 * tickerdesk.history.jobs.retention-days}, 7 by default), with their batch executions and their
 * uploaded files; the {@code collection-cleanup} task of the tasks console. Bars are never deleted.
 * The next day's run catches up on a missed one.
 */
@ApplicationScoped
public class CollectionCleanup implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(CollectionCleanup.class.getName());

    @Inject CollectionCleaner cleaner;

    @Override
    public String name() {
        return "collection-cleanup";
    }

    @Override
    public String description() {
        return "Forgets finished collections past their retention, with their batch executions"
                + " and uploaded files (never bars)";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofDays(1);
    }

    /** Deleting a week of batch executions may take a while; a day's is never an hour. */
    @Override
    public Duration timeLimit() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        CleanupResult result = cleaner.clean();
        LOG.info(() -> "Collection cleanup: " + result);
    }
}

package org.tickerdesk.history.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.tickerdesk.history.control.CollectionCleaner;
import org.tickerdesk.history.entity.CleanupResult;

/**
 * Once a day, forgets collections that ended longer ago than the retention ({@code
 * tickerdesk.history.jobs.retention-days}, 7 by default), with their batch executions and their
 * uploaded files. Bars are never deleted. A non-persistent timer: on Payara Micro persistent ones
 * live only in the data grid and are lost on restart, and the next day's run catches up anyway.
 */
@Singleton
public class CollectionCleanup {

    private static final Logger LOG = Logger.getLogger(CollectionCleanup.class.getName());

    @Inject CollectionCleaner cleaner;

    @Schedule(hour = "3", minute = "17", persistent = false, info = "collection cleanup")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        CleanupResult result = cleaner.clean();
        LOG.info(() -> "Collection cleanup: " + result);
    }
}

package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.history.entity.CleanupResult;

/**
 * Deletes what collections leave behind once it is older than the retention: the collections that
 * ended before it, Jakarta Batch's executions untouched since, and uploaded files. Never a bar.
 */
@ApplicationScoped
public class CollectionCleaner {

    @Inject CollectionStore store;

    @Inject BatchRepository repository;

    @Inject CsvUploads uploads;

    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "tickerdesk.history.jobs.retention-days")
    int retentionDays;

    public CleanupResult clean() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        int collections = store.deleteEndedBefore(cutoff).size();
        int instances = repository.deleteUntouchedSince(cutoff);
        int files = uploads.deleteOlderThan(cutoff);
        return new CleanupResult(collections, instances, files);
    }
}

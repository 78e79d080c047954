package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.marketdata.control.TickStore;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * Every ten minutes deletes the recorded ticks older than the retention ({@code
 * tickerdesk.marketdata.ticks.retention-hours}, 48 by default), a slice at a time until none is
 * left; the {@code tick-retention} task of the tasks console. A missed run costs nothing: the next
 * one deletes the same.
 */
@ApplicationScoped
public class TickRetention implements ScheduledTask {

    @Inject
    @ConfigProperty(name = "tickerdesk.marketdata.ticks.retention-hours")
    long retentionHours;

    @Inject TickStore store;

    @Inject Clock clock;

    @Override
    public String name() {
        return "tick-retention";
    }

    @Override
    public String description() {
        return "Deletes the recorded ticks older than " + retentionHours + " hours";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void run() {
        Instant before = clock.instant().minus(Duration.ofHours(retentionHours));
        int deleted;
        do {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            deleted = store.expire(before);
        } while (deleted == TickStore.EXPIRE_SLICE);
    }
}

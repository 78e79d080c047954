package org.tickerdesk.marketdata.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.marketdata.control.TickStore;

/**
 * Every ten minutes deletes the recorded ticks older than the retention ({@code
 * tickerdesk.marketdata.ticks.retention-hours}, 48 by default), a slice at a time until none is
 * left. The timer is not persistent: a missed run costs nothing, the next one deletes the same.
 */
@Singleton
public class TickRetention {

    @Inject
    @ConfigProperty(name = "tickerdesk.marketdata.ticks.retention-hours")
    long retentionHours;

    @Inject TickStore store;

    @Inject Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void expire() {
        Instant before = clock.instant().minus(Duration.ofHours(retentionHours));
        int deleted;
        do {
            deleted = store.expire(before);
        } while (deleted == TickStore.EXPIRE_SLICE);
    }
}

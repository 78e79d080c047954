package org.tickerdesk.resolution.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.resolution.control.ResolutionFailedException;
import org.tickerdesk.resolution.control.Resolutions;
import org.tickerdesk.resolution.entity.ResolutionRun;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * The resolution run as a task of the tasks console: every {@code tickerdesk.resolution.interval}
 * (ISO-8601, an hour by default) until an admin sets another. A run in which a source failed for
 * some instrument (TWS down, say) counts as failed, with what failed as its message; instruments
 * whose outcome is simply not out yet do not.
 */
@ApplicationScoped
public class ScheduledResolution implements ScheduledTask {

    static final String INTERVAL = "tickerdesk.resolution.interval";

    @Inject Resolutions resolutions;

    @Inject
    @ConfigProperty(name = INTERVAL, defaultValue = "PT1H")
    String interval;

    @Override
    public String name() {
        return "resolution";
    }

    @Override
    public String description() {
        return "Asks the resolution source what expired instruments settled at and settles their"
                + " open positions";
    }

    @Override
    public Duration defaultInterval() {
        return interval(interval);
    }

    static Duration interval(String setting) {
        try {
            Duration parsed = Duration.parse(setting.strip());
            if (parsed.compareTo(Duration.ofSeconds(10)) >= 0) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // refused below with the setting's name
        }
        throw new IllegalArgumentException(
                INTERVAL
                        + " (TICKERDESK_RESOLUTION_INTERVAL) must be an ISO-8601 duration of at"
                        + " least 10 seconds, such as PT1H or PT15M, not '"
                        + setting
                        + "'");
    }

    @Override
    public void run() {
        ResolutionRun run = resolutions.run();
        if (!run.failures().isEmpty()) {
            throw new ResolutionFailedException(run.summary());
        }
    }
}

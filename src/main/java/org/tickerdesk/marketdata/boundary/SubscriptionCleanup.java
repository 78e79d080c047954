package org.tickerdesk.marketdata.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.marketdata.control.FeedSupervisor;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * Every few minutes (five by default) releases the upstream subscriptions nobody has needed for the
 * idle period, so a limited source's lines go to what is wanted; the {@code subscription-cleanup}
 * task of the tasks console. There is no state to lose between runs: the next run looks at the
 * demand as it is then.
 */
@ApplicationScoped
public class SubscriptionCleanup implements ScheduledTask {

    @Inject
    @ConfigProperty(name = "tickerdesk.subscriptions.cleanup-interval-seconds")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "tickerdesk.subscriptions.idle-seconds")
    long idleSeconds;

    @Inject FeedSupervisor feed;

    @PostConstruct
    void check() {
        if (intervalSeconds < 1 || idleSeconds < 0) {
            throw new IllegalStateException(
                    "tickerdesk.subscriptions.cleanup-interval-seconds must be at least 1 and"
                            + " tickerdesk.subscriptions.idle-seconds at least 0");
        }
    }

    @Override
    public String name() {
        return "subscription-cleanup";
    }

    @Override
    public String description() {
        return "Releases the upstream market-data subscriptions nobody needed for "
                + idleSeconds
                + " s";
    }

    /** The setting's value until an admin sets another interval in the console. */
    @Override
    public Duration defaultInterval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    @Override
    public void run() {
        feed.releaseIdle(Duration.ofSeconds(idleSeconds));
    }
}

package org.tickerdesk.marketdata.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.marketdata.control.FeedSupervisor;

/**
 * Every few minutes (five by default) releases the upstream subscriptions nobody has needed for the
 * idle period, so a limited source's lines go to what is wanted. The timer is not persistent (on
 * Payara Micro a persistent one would live only in Hazelcast); there is no state to lose: the next
 * run looks at the demand as it is then.
 */
@Startup
@Singleton
@DependsOn("FeedSupervisor")
public class SubscriptionCleanup {

    @Inject
    @ConfigProperty(name = "tickerdesk.subscriptions.cleanup-interval-seconds")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "tickerdesk.subscriptions.idle-seconds")
    long idleSeconds;

    @Resource TimerService timers;

    @Inject FeedSupervisor feed;

    @PostConstruct
    void schedule() {
        if (intervalSeconds < 1 || idleSeconds < 0) {
            throw new IllegalStateException(
                    "tickerdesk.subscriptions.cleanup-interval-seconds must be at least 1 and"
                            + " tickerdesk.subscriptions.idle-seconds at least 0");
        }
        long interval = Duration.ofSeconds(intervalSeconds).toMillis();
        timers.createIntervalTimer(
                interval, interval, new TimerConfig("subscription-cleanup", false));
    }

    @Timeout
    void cleanUp() {
        feed.releaseIdle(Duration.ofSeconds(idleSeconds));
    }
}

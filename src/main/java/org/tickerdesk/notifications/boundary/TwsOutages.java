package org.tickerdesk.notifications.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.notifications.control.OutageWatch;
import org.tickerdesk.notifications.control.Outbox;
import org.tickerdesk.notifications.entity.NewNotification;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.UpstreamLinkChanged;

/**
 * Tells of a TWS outage once it has lasted {@code tickerdesk.notifications.tws-outage-minutes} (5
 * by default), and of the reconnection that ends it. The one TWS session says when it goes down or
 * comes back, whether IBKR is the market-data source, the broker or both, so each outage is told
 * once; a timer looks again when the threshold is reached.
 */
@ApplicationScoped
public class TwsOutages {

    private static final Logger LOG = Logger.getLogger(TwsOutages.class.getName());

    @Inject Outbox outbox;

    @Inject Clock clock;

    @Resource ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "tickerdesk.notifications.tws-outage-minutes", defaultValue = "5")
    double outageMinutes;

    private OutageWatch watch;

    synchronized void changed(@Observes UpstreamLinkChanged change) {
        if (!SourceName.IBKR.setting().equals(change.upstream())) {
            return;
        }
        OutageWatch outages = watch();
        Instant now = clock.instant();
        if (change.connected()) {
            outages.connected(now).ifPresent(this::record);
        } else {
            outages.disconnected(now)
                    .ifPresent(
                            at ->
                                    scheduler.schedule(
                                            this::check,
                                            Math.max(0, Duration.between(now, at).toMillis()) + 100,
                                            TimeUnit.MILLISECONDS));
        }
    }

    synchronized void check() {
        watch().check(clock.instant()).ifPresent(this::record);
    }

    private OutageWatch watch() {
        if (watch == null) {
            watch =
                    new OutageWatch(
                            SourceName.IBKR.setting(),
                            Duration.ofMillis(Math.round(outageMinutes * 60_000)));
        }
        return watch;
    }

    /** Its own transaction: an outage is no stored change to ride along with. */
    private void record(NewNotification notification) {
        try {
            outbox.record(notification);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The notification " + notification.title() + " failed");
        }
    }
}

package org.tickerdesk.marketdata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.testing.container.TimerProbe;
import org.tickerdesk.testing.container.TimerProbe.TimerFacts;

/**
 * The subscription cleanup runs on an EJB timer from the moment the application is deployed. The
 * timer is not persistent: on Payara Micro a persistent one would live only in the data grid and be
 * lost with it, and the cleanup has no state to carry over.
 */
@ExtendWith(ArquillianExtension.class)
class SubscriptionCleanupContainerIT {

    /** tickerdesk.subscriptions.cleanup-interval-seconds, as the application ships it. */
    private static final long INTERVAL_MILLIS = 300_000;

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject TimerProbe timers;

    @Test
    void theCleanupIsScheduledOnceOnANonPersistentIntervalTimer() {
        List<TimerFacts> cleanup =
                timers.all().stream().filter(t -> "subscription-cleanup".equals(t.info())).toList();

        assertEquals(1, cleanup.size(), "timers: " + timers.all());
        TimerFacts timer = cleanup.get(0);
        assertFalse(timer.persistent());
        assertFalse(timer.calendar());
        assertTrue(
                timer.millisToNext() > 0 && timer.millisToNext() <= INTERVAL_MILLIS,
                "next run in " + timer.millisToNext() + " ms");
    }
}

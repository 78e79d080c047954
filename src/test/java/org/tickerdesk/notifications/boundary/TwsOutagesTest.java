package org.tickerdesk.notifications.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tickerdesk.notifications.control.Outbox;
import org.tickerdesk.notifications.entity.NewNotification;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.platform.entity.UpstreamLinkChanged;

/**
 * TWS outages told from the TWS session's own ups and downs, so also where IBKR is only the broker:
 * five minutes down is told once, then the reconnection. The clock and the timer are the test's.
 */
class TwsOutagesTest {

    private static final Instant DOWN = Instant.parse("2026-11-30T14:00:00Z");

    private Instant now = DOWN;
    private final List<NewNotification> recorded = new ArrayList<>();
    private final List<Long> scheduledMillis = new ArrayList<>();
    private final TwsOutages outages = new TwsOutages();

    TwsOutagesTest() {
        outages.outageMinutes = 5;
        outages.clock =
                new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now;
                    }
                };
        outages.outbox =
                new Outbox() {
                    @Override
                    public NotificationSnapshot record(NewNotification notification) {
                        recorded.add(notification);
                        return null;
                    }
                };
        outages.scheduler =
                (ManagedScheduledExecutorService)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {ManagedScheduledExecutorService.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("schedule")) {
                                        scheduledMillis.add(
                                                ((TimeUnit) args[2]).toMillis((Long) args[1]));
                                    }
                                    return null;
                                });
    }

    private void link(boolean connected) {
        outages.changed(new UpstreamLinkChanged("ibkr", connected, "TWS said so", now));
    }

    @Test
    void theSessionsOutageIsToldOnceAfterFiveMinutesAndThenItsEnd() {
        link(true);
        link(false);
        assertEquals(List.of(300_100L), scheduledMillis, "looked at again at five minutes");

        now = DOWN.plusSeconds(300);
        outages.check();
        outages.check();
        now = DOWN.plusSeconds(420);
        link(true);

        assertEquals(
                List.of(NotificationType.TWS_DISCONNECTED, NotificationType.TWS_RECONNECTED),
                recorded.stream().map(NewNotification::type).toList());
        assertEquals(
                "The connection to TWS / IB Gateway (ibkr) is back after 7 minutes down, since"
                        + " 2026-11-30T14:00:00Z",
                recorded.get(1).text());
    }

    @Test
    void aShortOutageAndAnotherUpstreamSayNothing() {
        link(false);
        now = DOWN.plusSeconds(200);
        link(true);
        now = DOWN.plusSeconds(400);
        outages.check();
        outages.changed(new UpstreamLinkChanged("other", false, "gone", now));

        assertTrue(recorded.isEmpty(), recorded.toString());
        assertEquals(1, scheduledMillis.size());
    }
}

package org.tickerdesk.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.notifications.entity.NewNotification;
import org.tickerdesk.notifications.entity.NotificationType;

/**
 * A TWS outage is told once it has lasted five minutes, and its end only after such an outage; a
 * short reconnect says nothing. The clock is the test's.
 */
class OutageWatchTest {

    private static final Instant DOWN = Instant.parse("2025-11-20T14:00:00Z");

    private final OutageWatch watch = new OutageWatch("ibkr", Duration.ofMinutes(5));

    @Test
    void anOutageIsToldOnceAtFiveMinutesAndItsEndAfterIt() {
        assertEquals(Optional.of(DOWN.plusSeconds(300)), watch.disconnected(DOWN));
        assertTrue(watch.check(DOWN.plusSeconds(299)).isEmpty(), "not yet five minutes");
        // a second report of the same outage does not start it again
        watch.disconnected(DOWN.plusSeconds(120));

        NewNotification down = watch.check(DOWN.plusSeconds(300)).orElseThrow();
        assertEquals(NotificationType.TWS_DISCONNECTED, down.type());
        assertEquals(
                "The connection to TWS / IB Gateway (ibkr) has been down for 5 minutes, since"
                        + " 2025-11-20T14:00:00Z: no market data, and IBKR orders cannot be sent",
                down.text());
        assertTrue(watch.check(DOWN.plusSeconds(600)).isEmpty(), "told once");

        NewNotification up = watch.connected(DOWN.plusSeconds(7 * 60 + 30)).orElseThrow();
        assertEquals(NotificationType.TWS_RECONNECTED, up.type());
        assertEquals(
                "The connection to TWS / IB Gateway (ibkr) is back after 7 minutes down, since"
                        + " 2025-11-20T14:00:00Z",
                up.text());
        assertTrue(up.payload().contains("\"downSeconds\":450"), up.payload());
    }

    @Test
    void aReconnectWithinTheThresholdSaysNothingAndTheNextOutageCountsAfresh() {
        watch.disconnected(DOWN);
        assertTrue(watch.connected(DOWN.plusSeconds(240)).isEmpty());
        assertTrue(watch.check(DOWN.plusSeconds(300)).isEmpty(), "the outage ended");

        watch.disconnected(DOWN.plusSeconds(600));
        assertTrue(watch.check(DOWN.plusSeconds(800)).isEmpty());
        assertTrue(watch.check(DOWN.plusSeconds(900)).isPresent());
    }

    @Test
    void aConnectionThatWasNeverDownSaysNothing() {
        assertTrue(watch.connected(DOWN).isEmpty());
        assertTrue(watch.check(DOWN.plusSeconds(3_600)).isEmpty());
    }
}

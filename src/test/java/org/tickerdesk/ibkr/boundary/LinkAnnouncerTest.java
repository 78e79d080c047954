package org.tickerdesk.ibkr.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.platform.entity.UpstreamLinkChanged;

/**
 * The session's ups and downs against the fake TWS, announced once each: the session retries every
 * 20 to 100 ms while TWS is gone, and each failed attempt is no new outage.
 */
class LinkAnnouncerTest {

    private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");

    @RegisterExtension final FakeTws tws = new FakeTws();
    private final List<UpstreamLinkChanged> announced = new CopyOnWriteArrayList<>();

    private List<Boolean> states() {
        return announced.stream().map(UpstreamLinkChanged::connected).toList();
    }

    private void awaitAnnounced(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (announced.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(announced.size() >= count, "announced " + announced);
    }

    @Test
    void anOutageWithManyFailedAttemptsIsAnnouncedOnceAndSoIsItsEnd() throws Exception {
        TwsSession session = tws.start(200);
        int port = tws.server().port();
        session.addListener(new LinkAnnouncer(announced::add, Clock.fixed(NOW, ZoneOffset.UTC)));
        tws.connect();
        awaitAnnounced(1);

        tws.server().close();
        awaitAnnounced(2);
        // several reconnection attempts fail meanwhile (at most 100 ms apart)
        Thread.sleep(500);
        assertEquals(List.of(true, false), states(), "one outage, however many attempts fail");

        try (FakeTwsServer back = new FakeTwsServer(200, port)) {
            assertTrue(session.awaitConnected(Duration.ofSeconds(5)), "reconnected");
            awaitAnnounced(3);
            assertEquals(List.of(true, false, true), states());
        }
        UpstreamLinkChanged down = announced.get(1);
        assertEquals("ibkr", down.upstream());
        assertEquals(NOW, down.at());
    }
}

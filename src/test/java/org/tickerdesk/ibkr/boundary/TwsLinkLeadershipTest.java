package org.tickerdesk.ibkr.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.entity.LeadershipChanged;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;
import org.tickerdesk.platform.entity.UpstreamLinkChanged;
import org.tickerdesk.testing.DaemonThreads;
import org.tickerdesk.testing.FixedLeadership;
import org.tickerdesk.testing.FixedLeadership.Leader;
import org.tickerdesk.testing.RecordingEvent;

/**
 * Only the cluster's leader holds the TWS session: a follower never connects, a member connects
 * when it takes the lead and disconnects the moment it loses it; its readiness stays up meanwhile.
 */
class TwsLinkLeadershipTest {

    private static final Instant NOW = Instant.parse("2025-11-20T14:30:00Z");

    private final FixedLeadership leadership = new FixedLeadership(Leader.ANOTHER_MEMBER);
    private final List<UpstreamLinkChanged> announced = new CopyOnWriteArrayList<>();
    private final TwsLink link = new TwsLink();
    private FakeTwsServer tws;

    @BeforeEach
    void wire() throws IOException {
        tws = new FakeTwsServer(200);
        link.upstream = new Upstream(SourceName.SIMULATED, BrokerName.IBKR);
        link.leadership = leadership;
        link.linkChanged = new RecordingEvent<>(announced);
        link.host = "127.0.0.1";
        link.port = tws.port();
        link.clientId = 5;
        link.marketDataType = "live";
        link.maxLines = 10;
        link.reconnectMaxSeconds = 1;
        link.threads = new DaemonThreads("tws-link-test");
    }

    @AfterEach
    void close() throws IOException {
        link.close();
        tws.close();
    }

    @Test
    void aFollowerDoesNotConnectAndStaysReady() throws Exception {
        link.connect();

        assertFalse(link.session().awaitConnected(Duration.ofMillis(500)));
        assertEquals(
                "Not connected: another member of the cluster leads and holds the TWS session",
                link.state().detail());
        assertTrue(link.state().enabled());
        assertTrue(IbkrHealth.ready(link.state(), link.holdsSession()));
    }

    @Test
    void aMemberConnectsWhenItTakesTheLead() throws Exception {
        link.connect();

        leadership.set(Leader.THIS_MEMBER);
        link.leadershipChanged(new LeadershipChanged(true, "self", NOW));

        assertTrue(link.session().awaitConnected(Duration.ofSeconds(5)));
        assertTrue(link.holdsSession());
    }

    @Test
    void aLeaderDisconnectsTheMomentItLosesTheLeadAndConnectsAgainWhenItLeadsAgain()
            throws Exception {
        leadership.set(Leader.THIS_MEMBER);
        link.connect();
        assertTrue(link.session().awaitConnected(Duration.ofSeconds(5)));

        leadership.set(Leader.NONE);
        link.leadershipChanged(new LeadershipChanged(false, null, NOW));

        assertFalse(link.session().isConnected(), "disconnected before the observer returned");
        assertFalse(
                link.session().awaitConnected(Duration.ofMillis(600)), "and does not reconnect");
        assertFalse(link.state().connected());
        assertTrue(IbkrHealth.ready(link.state(), link.holdsSession()), "a follower is ready");

        leadership.set(Leader.THIS_MEMBER);
        link.leadershipChanged(new LeadershipChanged(true, "self", NOW));
        assertTrue(link.session().awaitConnected(Duration.ofSeconds(5)));
    }

    @Test
    void aLeaderThatCannotReachTwsIsNotReady() throws Exception {
        tws.close();
        leadership.set(Leader.THIS_MEMBER);
        link.connect();
        Thread.sleep(300);

        assertFalse(IbkrHealth.ready(link.state(), link.holdsSession()));
    }
}

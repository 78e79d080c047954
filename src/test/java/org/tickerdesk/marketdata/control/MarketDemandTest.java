package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.DemandChanged;

/** Who needs which symbol, and since when nobody has. */
class MarketDemandTest {

    private static final Duration IDLE = Duration.ofMinutes(5);

    private Instant now = Instant.parse("2026-11-20T14:30:00Z");
    private final List<DemandChanged> changes = new ArrayList<>();
    private final MarketDemand demand = new MarketDemand(new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, changes::add);

    @Test
    void holdingTwiceIsHoldingOnce() {
        Object client = new Object();
        demand.hold(client, "AAPL");
        demand.hold(client, "AAPL");
        demand.release(client, "AAPL");

        assertFalse(demand.needed("AAPL"));
        assertEquals(List.of(new DemandChanged("AAPL", true), new DemandChanged("AAPL", false)), changes);
    }

    @Test
    void aReleasedSymbolIsIdleOnlyAfterTheIdlePeriod() {
        Object client = new Object();
        demand.hold(client, "AAPL");
        assertFalse(demand.idleFor("AAPL", IDLE));

        demand.release(client, "AAPL");
        now = now.plus(IDLE).minusSeconds(1);
        assertFalse(demand.idleFor("AAPL", IDLE));
        now = now.plusSeconds(1);
        assertTrue(demand.idleFor("AAPL", IDLE));
    }

    @Test
    void holdingAgainRestartsTheIdleClock() {
        Object client = new Object();
        demand.hold(client, "AAPL");
        demand.release(client, "AAPL");
        now = now.plus(IDLE.multipliedBy(2));
        demand.hold(client, "AAPL");
        demand.release(client, "AAPL");

        assertFalse(demand.idleFor("AAPL", IDLE));
    }

    @Test
    void theWildcardKeepsEverySymbolNeededAndItsReleaseStartsTheirIdleClock() {
        Object dashboard = new Object();
        demand.hold(dashboard, DemandChanged.EVERY_SYMBOL);
        assertTrue(demand.needed("MSFT"));
        assertFalse(demand.idleFor("MSFT", Duration.ZERO));

        now = now.plus(IDLE.multipliedBy(3));
        demand.releaseAll(dashboard);
        now = now.plusSeconds(60);

        assertFalse(demand.idleFor("MSFT", IDLE), "idle only since the wildcard went, a minute ago");
        now = now.plus(IDLE);
        assertTrue(demand.idleFor("MSFT", IDLE));
    }

    @Test
    void aSubscriptionNobodyAskedForIsKeptForOneIdlePeriod() {
        assertFalse(demand.idleFor("NVDA", IDLE));
        now = now.plus(IDLE);
        assertTrue(demand.idleFor("NVDA", IDLE));
    }
}

package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.DemandChanged;
import org.tickerdesk.testing.SettableClock;

/** Who needs which symbol, and since when nobody has. */
class MarketDemandTest {

    private static final Duration IDLE = Duration.ofMinutes(5);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-20T14:30:00Z"));
    private final List<DemandChanged> changes = new ArrayList<>();
    private final MarketDemand demand = new MarketDemand(clock, changes::add);

    @Test
    void holdingTwiceIsHoldingOnce() {
        Object client = new Object();
        demand.hold(client, "AAPL");
        demand.hold(client, "AAPL");
        demand.release(client, "AAPL");

        assertFalse(demand.needed("AAPL"));
        assertEquals(
                List.of(new DemandChanged("AAPL", true), new DemandChanged("AAPL", false)),
                changes);
    }

    @Test
    void aReleasedSymbolIsIdleOnlyAfterTheIdlePeriod() {
        Object client = new Object();
        demand.hold(client, "AAPL");
        assertFalse(demand.idleFor("AAPL", IDLE));

        demand.release(client, "AAPL");
        clock.advance(IDLE.minusSeconds(1));
        assertFalse(demand.idleFor("AAPL", IDLE));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(demand.idleFor("AAPL", IDLE));
    }

    @Test
    void holdingAgainRestartsTheIdleClock() {
        Object client = new Object();
        demand.hold(client, "AAPL");
        demand.release(client, "AAPL");
        clock.advance(IDLE.multipliedBy(2));
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

        clock.advance(IDLE.multipliedBy(3));
        demand.releaseAll(dashboard);
        clock.advance(Duration.ofSeconds(60));

        assertFalse(
                demand.idleFor("MSFT", IDLE), "idle only since the wildcard went, a minute ago");
        clock.advance(IDLE);
        assertTrue(demand.idleFor("MSFT", IDLE));
    }

    @Test
    void aSubscriptionNobodyAskedForIsKeptForOneIdlePeriod() {
        assertFalse(demand.idleFor("NVDA", IDLE));
        clock.advance(IDLE);
        assertTrue(demand.idleFor("NVDA", IDLE));
    }
}

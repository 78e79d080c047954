package org.tickerdesk.resolution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * Which resolution source answers: the one the setting names, else IBKR's whenever IBKR is used and
 * the simulated market's otherwise.
 */
class ResolutionSourcesTest {

    private static final Upstream SIMULATED_PAPER =
            new Upstream(SourceName.SIMULATED, BrokerName.PAPER);

    @Test
    void unsetItIsTheSimulatedMarketsWithTheSimulatedMarket() {
        assertEquals("simulated", ResolutionSources.choose(null, SIMULATED_PAPER));
        assertEquals("simulated", ResolutionSources.choose(" ", SIMULATED_PAPER));
    }

    @Test
    void unsetItIsIbkrsWheneverIbkrIsUsed() {
        assertEquals(
                "ibkr",
                ResolutionSources.choose(null, new Upstream(SourceName.IBKR, BrokerName.PAPER)));
        assertEquals(
                "ibkr",
                ResolutionSources.choose(
                        null, new Upstream(SourceName.SIMULATED, BrokerName.IBKR)));
    }

    @Test
    void theSettingWins() {
        assertEquals(
                "manual",
                ResolutionSources.choose("manual", new Upstream(SourceName.IBKR, BrokerName.IBKR)));
        assertEquals("ibkr", ResolutionSources.choose("ibkr", SIMULATED_PAPER));
        assertEquals("simulated", ResolutionSources.choose("simulated", SIMULATED_PAPER));
    }

    @Test
    void aMisspeltSettingSaysWhatItAccepts() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ResolutionSources.choose("Manual", SIMULATED_PAPER));

        assertTrue(e.getMessage().contains("tickerdesk.resolution.source"), e.getMessage());
        assertTrue(e.getMessage().contains("simulated, ibkr, manual"), e.getMessage());
    }
}

package org.tickerdesk.platform.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The names tickerdesk.source and tickerdesk.trading accept, as the launcher and the app read them.
 */
class ConfiguredNamesTest {

    @Test
    void theSourceIsSpelledInLowerCase() {
        assertArrayEquals(new String[] {"simulated", "ibkr"}, SourceName.settings());
        assertEquals(SourceName.SIMULATED, SourceName.parse("simulated"));
        assertEquals(SourceName.IBKR, SourceName.parse("ibkr"));
    }

    @Test
    void theBrokerIsSpelledInLowerCase() {
        assertArrayEquals(new String[] {"paper", "ibkr"}, BrokerName.settings());
        assertEquals(BrokerName.PAPER, BrokerName.parse("paper"));
        assertEquals(BrokerName.IBKR, BrokerName.parse("ibkr"));
    }

    @Test
    void aNameIsParsedStrictly() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SourceName.parse("IBKR"));
        assertEquals(
                "tickerdesk.source (TICKERDESK_SOURCE) must be one of simulated, ibkr, not 'IBKR'",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceName.parse(" ibkr"));
        assertThrows(IllegalArgumentException.class, () -> SourceName.parse(null));
        IllegalArgumentException broker =
                assertThrows(IllegalArgumentException.class, () -> BrokerName.parse("live"));
        assertEquals(
                "tickerdesk.trading (TICKERDESK_TRADING) must be one of paper, ibkr, not 'live'",
                broker.getMessage());
    }

    @Test
    void ibkrIsUsedWhenEitherTheSourceOrTheBrokerIsIbkr() {
        assertFalse(new Upstream(SourceName.SIMULATED, BrokerName.PAPER).usesIbkr());
        assertTrue(new Upstream(SourceName.IBKR, BrokerName.PAPER).usesIbkr());
        assertTrue(new Upstream(SourceName.SIMULATED, BrokerName.IBKR).usesIbkr());
        assertTrue(new Upstream(SourceName.IBKR, BrokerName.IBKR).usesIbkr());
    }
}

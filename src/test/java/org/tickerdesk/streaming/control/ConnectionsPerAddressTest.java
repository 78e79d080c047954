package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** At most two connections from one address, counted as they open and close. */
class ConnectionsPerAddressTest {

    private final ConnectionsPerAddress perAddress = new ConnectionsPerAddress(2);

    @Test
    void anAddressMayOpenUpToTheLimit() {
        assertTrue(perAddress.tryOpen("10.0.0.1"));
        assertTrue(perAddress.tryOpen("10.0.0.1"));

        assertFalse(perAddress.tryOpen("10.0.0.1"));
        assertEquals(2, perAddress.openFrom("10.0.0.1"), "a refused one is not counted");
    }

    @Test
    void eachAddressHasItsOwnLimit() {
        perAddress.tryOpen("10.0.0.1");
        perAddress.tryOpen("10.0.0.1");

        assertTrue(perAddress.tryOpen("10.0.0.2"));
    }

    @Test
    void aClosedConnectionMakesRoomForAnother() {
        perAddress.tryOpen("10.0.0.1");
        perAddress.tryOpen("10.0.0.1");

        perAddress.closed("10.0.0.1");

        assertTrue(perAddress.tryOpen("10.0.0.1"));
    }

    @Test
    void anAddressWithNothingOpenIsForgotten() {
        perAddress.tryOpen("10.0.0.1");
        perAddress.closed("10.0.0.1");

        assertEquals(0, perAddress.openFrom("10.0.0.1"));
    }

    @Test
    void anUnknownAddressIsNotLimited() {
        for (int i = 0; i < 10; i++) {
            assertTrue(perAddress.tryOpen(null));
        }
    }

    @Test
    void theLimitIsAtLeastOne() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> new ConnectionsPerAddress(0));

        assertEquals(
                "At least one connection per address must be allowed, not 0", refused.getMessage());
    }
}

package org.tickerdesk.notifications.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A channel is failing from the threshold's failure in a row until its next success. */
class ChannelHealthTest {

    private static final Instant T0 = Instant.parse("2025-11-20T14:00:00Z");

    @Test
    void theThirdFailureInARowMarksItFailingOnceAndASuccessClearsIt() {
        ChannelHealth health = new ChannelHealth("webhook");

        assertFalse(health.failed("503", 3, T0));
        assertFalse(health.failed("503", 3, T0.plusSeconds(5)));
        assertTrue(health.failed("timeout", 3, T0.plusSeconds(15)), "the third makes it failing");
        assertFalse(health.failed("503", 3, T0.plusSeconds(35)), "already failing");

        ChannelStatus failing = health.status(true, "POST http://x");
        assertEquals(T0.plusSeconds(15), failing.failingSince());
        assertEquals(4, failing.consecutiveFailures());
        assertEquals("503", failing.lastError());

        assertTrue(health.succeeded(T0.plusSeconds(60)), "it was failing");
        ChannelStatus recovered = health.status(true, "POST http://x");
        assertNull(recovered.failingSince());
        assertEquals(0, recovered.consecutiveFailures());
        assertEquals(T0.plusSeconds(60), recovered.lastSuccessAt());
        assertEquals("503", recovered.lastError(), "the last error stays for the record");
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        ChannelHealth health = new ChannelHealth("email");
        health.failed("refused", 2, T0);
        assertFalse(health.succeeded(T0.plusSeconds(1)));

        assertFalse(health.failed("refused", 2, T0.plusSeconds(2)));
        assertFalse(health.failing());
    }
}

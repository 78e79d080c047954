package org.tickerdesk.resolution.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An instrument awaits resolution with a reason until a source tells what it settled at; then it is
 * resolved for good: the same value again is no change, another value is refused.
 */
class InstrumentResolutionTest {

    private static final Instant AT = Instant.parse("2026-12-19T09:00:00Z");
    private static final Resolution AT_6012 =
            new Resolution(new BigDecimal("6012.25"), null, "last price");

    @Test
    void anAwaitingInstrumentKeepsTheLatestReason() {
        InstrumentResolution r = new InstrumentResolution("ESZ6", "not asked yet", AT);

        r.awaiting("TWS is not connected", AT.plusSeconds(3600));

        ResolutionSnapshot s = r.snapshot();
        assertEquals(ResolutionState.AWAITING, s.state());
        assertEquals("TWS is not connected", s.reason());
        assertEquals(AT.plusSeconds(3600), s.lastCheckedAt());
        assertNull(s.settlementPrice());
        assertNull(s.resolution());
    }

    @Test
    void resolvingKeepsTheValueTheSourceAndTheBasisAndDropsTheReason() {
        InstrumentResolution r = new InstrumentResolution("ESZ6", "waiting", AT);

        assertTrue(r.resolve(AT_6012, "simulated", AT));

        ResolutionSnapshot s = r.snapshot();
        assertEquals(ResolutionState.RESOLVED, s.state());
        assertEquals(0, new BigDecimal("6012.25").compareTo(s.settlementPrice()));
        assertEquals("simulated", s.source());
        assertEquals("last price", s.basis());
        assertEquals(AT, s.resolvedAt());
        assertNull(s.reason());
        assertEquals(AT_6012, s.resolution());
    }

    @Test
    void theSameValueAgainIsNoChangeWhateverItsBasis() {
        InstrumentResolution r = new InstrumentResolution("ESZ6", "waiting", AT);
        r.resolve(AT_6012, "simulated", AT);

        assertFalse(
                r.resolve(
                        new Resolution(new BigDecimal("6012.2500"), null, "Entered by admin"),
                        "manual",
                        AT.plusSeconds(60)));
        assertEquals("simulated", r.snapshot().source());
        assertEquals(AT, r.snapshot().resolvedAt());
    }

    @Test
    void anotherValueIsRefusedAndNothingChanges() {
        InstrumentResolution r = new InstrumentResolution("CPI3-202612", "waiting", AT);
        r.resolve(Resolution.of(Outcome.YES, "seed 42"), "simulated", AT);
        ResolutionSnapshot before = r.snapshot();

        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                r.resolve(
                                        Resolution.of(Outcome.NO, "admin"),
                                        "manual",
                                        AT.plusSeconds(1)));

        assertTrue(e.getMessage().contains("YES (1)"), e.getMessage());
        assertEquals(before, r.snapshot());
    }

    @Test
    void aResolvedInstrumentOnlyNotesWhenItWasCheckedAndCountsWhatItSettled() {
        InstrumentResolution r = new InstrumentResolution("ESZ6", "waiting", AT);
        r.resolve(AT_6012, "simulated", AT);

        r.settled(2, AT);
        r.settled(0, AT);
        r.settled(1, AT.plusSeconds(3600));
        r.awaiting("ignored", AT.plusSeconds(7200));

        assertEquals(3, r.snapshot().positionsSettled());
        assertNull(r.snapshot().reason());
        assertEquals(AT.plusSeconds(7200), r.snapshot().lastCheckedAt());
    }
}

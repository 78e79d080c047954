package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/** A quote is stale once its own source time is the limit or more behind the clock. */
class StalenessTest {

    /** 2025-11-20T15:00:00.000Z, in epoch microseconds: 1,763,650,800 s. */
    private static final long NOW_MICROS = 1_763_650_800_000_000L;

    private static final Clock NOW =
            Clock.fixed(Instant.parse("2025-11-20T15:00:00Z"), ZoneOffset.UTC);

    private static Quote stampedAt(long micros) {
        return new Quote(
                "AAPL", 189.9, 190.1, 190.0, 100, 200, 10, 5000, micros, MarketDataType.LIVE);
    }

    @Test
    void aQuoteJustUnderTheLimitIsFreshAndOneAtTheLimitIsStale() {
        Staleness sixty = new Staleness(60, NOW);

        LatestQuote young = sixty.judge(stampedAt(NOW_MICROS - 59_999_999));
        LatestQuote old = sixty.judge(stampedAt(NOW_MICROS - 60_000_000));

        assertFalse(young.stale());
        assertEquals(59_999, young.ageMillis(), "59.999999 s, in whole milliseconds");
        assertTrue(old.stale());
        assertEquals(60_000, old.ageMillis());
    }

    @Test
    void theLimitIsTheConfiguredNumberOfSeconds() {
        Quote twoSecondsOld = stampedAt(NOW_MICROS - 2_000_000);

        assertTrue(new Staleness(1, NOW).isStale(twoSecondsOld));
        assertTrue(new Staleness(2, NOW).isStale(twoSecondsOld));
        assertFalse(new Staleness(3, NOW).isStale(twoSecondsOld));
        assertEquals(3, new Staleness(3, NOW).seconds());
    }

    @Test
    void aQuoteFromHoursAgoIsStaleAndSaysHowOld() {
        LatestQuote judged = new Staleness(3600, NOW).judge(stampedAt(NOW_MICROS - 7_200_500_000L));

        assertTrue(judged.stale());
        assertEquals(7_200_500, judged.ageMillis(), "two hours and half a second");
    }

    @Test
    void aSourceClockAheadOfOursMakesAFreshQuoteOfNoAge() {
        LatestQuote ahead = new Staleness(60, NOW).judge(stampedAt(NOW_MICROS + 1_500_000));

        assertFalse(ahead.stale());
        assertEquals(0, ahead.ageMillis());
    }

    @Test
    void limitsOutsideOneSecondToAnHourAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Staleness(0, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Staleness(3601, NOW));
    }
}

package org.tickerdesk.ibkr.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form in which IB times a historical bar, read into the instant the bar starts. */
class BarTimesTest {

    @Test
    void epochSecondsAreTheInstantItself() {
        assertEquals(Instant.parse("2025-11-20T14:30:00Z"), BarTimes.start("1763649000"));
    }

    @Test
    void aDailyBarIsItsTradingDayAtMidnightUtc() {
        assertEquals(Instant.parse("2025-11-20T00:00:00Z"), BarTimes.start("20251120"));
        assertEquals(
                Instant.parse("2024-02-29T00:00:00Z"),
                BarTimes.start("20240229", ZoneId.of("Asia/Tokyo")),
                "the login zone does not move a date");
    }

    @Test
    void aZonedWallClockTimeIsReadInItsZoneAcrossDaylightSaving() {
        assertEquals(
                Instant.parse("2025-11-20T14:30:00Z"),
                BarTimes.start("20251120 09:30:00 US/Eastern"));
        assertEquals(
                Instant.parse("2025-07-01T13:30:00Z"),
                BarTimes.start("20250701 09:30:00 US/Eastern"));
        assertEquals(
                Instant.parse("2025-07-01T08:00:00Z"),
                BarTimes.start("20250701 10:00:00 Europe/Berlin"));
        assertEquals(
                Instant.parse("2025-07-01T00:00:00Z"), BarTimes.start("20250701 09:00:00 Japan"));
    }

    @Test
    void olderTwsTimesWithoutAZoneNeedTheLoginZone() {
        assertEquals(
                Instant.parse("2025-11-20T14:30:00Z"),
                BarTimes.start("20251120  09:30:00", ZoneId.of("America/New_York")));
        IllegalArgumentException refused =
                assertThrows(
                        IllegalArgumentException.class, () -> BarTimes.start("20251120  09:30:00"));
        assertTrue(refused.getMessage().contains("formatDate 2"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "20251340",
                "2025112",
                "20251120 25:00:00 US/Eastern",
                "20251120 09:30:00 Mars/Olympus",
                "-1763649000",
                "17636490001234"
            })
    void anythingElseIsRefused(String time) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> BarTimes.start(time));
        assertTrue(
                refused.getMessage().startsWith("Bar time '" + time + "'"), refused.getMessage());
    }
}

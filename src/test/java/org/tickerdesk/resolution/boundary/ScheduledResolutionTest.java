package org.tickerdesk.resolution.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The resolution task runs hourly unless tickerdesk.resolution.interval says otherwise. */
class ScheduledResolutionTest {

    @Test
    void theIntervalIsAnIsoDuration() {
        assertEquals(Duration.ofHours(1), ScheduledResolution.interval("PT1H"));
        assertEquals(Duration.ofMinutes(15), ScheduledResolution.interval(" PT15M "));
    }

    @Test
    void anIntervalThatIsNoDurationOrTooShortSaysWhichSetting() {
        for (String wrong : new String[] {"1h", "PT1S", "-PT1H"}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> ScheduledResolution.interval(wrong));
            assertTrue(e.getMessage().contains("tickerdesk.resolution.interval"), e.getMessage());
        }
    }

    @Test
    void itIsTheTaskNamedResolution() {
        ScheduledResolution task = new ScheduledResolution();
        task.interval = "PT1H";

        assertEquals("resolution", task.name());
        assertEquals(Duration.ofHours(1), task.defaultInterval());
    }
}

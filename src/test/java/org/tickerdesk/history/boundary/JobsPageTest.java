package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.testing.SampleJobs;

/** How the Jobs page writes a collection's values; its script (jobs.js) writes them alike. */
class JobsPageTest {

    private final JobsPage page = new JobsPage();

    @Test
    void countsAreGroupedByThousands() {
        assertEquals("11,700", page.count(11_700));
        assertEquals("0", page.count(0));
    }

    @Test
    void progressIsAWholePercentRoundedDownAndUnknownWithoutWindows() {
        assertEquals("66%", page.percent(2, 3));
        assertEquals("100%", page.percent(60, 60));
        assertEquals("–", page.percent(0, 0), "windows not planned yet");
    }

    @Test
    void theRateHasOneDecimalAndIsUnknownWhenNotANumber() {
        assertEquals("975.5 bars/s", page.rate(975.5));
        assertEquals("–", page.rate(Double.NaN));
    }

    @Test
    void instantsAreIsoToTheSecond() {
        assertEquals(
                "2025-11-20T14:30:24Z", page.instant(Instant.parse("2025-11-20T14:30:24.75Z")));
        assertEquals("–", page.instant(null));
    }

    @Test
    void theRangeSaysWhereItStartsAndEnds() {
        assertEquals(
                "2025-10-21T00:00:00Z to 2025-11-20T00:00:00Z", page.range(SampleJobs.running(7)));
    }
}

package org.tickerdesk.ibkr.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.history.PacingBudget;

/** The pacing budget as the REST API and the dashboard read it. */
class PacingResourceTest {

    @Test
    void theBudgetWithIbsLimitsAndAPauseOnlyWhileThereIsOne() {
        Instant now = Instant.parse("2025-11-21T15:00:00Z");
        String limits =
                "\"limits\":{\"requestsPerWindow\":60,\"windowSeconds\":600,\"identicalGapSeconds\":15,"
                    + "\"sameSeriesLimit\":6,\"sameSeriesWindowSeconds\":2,\"maxOpen\":50}";
        assertEquals(
                "{\"asOf\":\"2025-11-21T15:00:00Z\",\"usedInWindow\":3,\"remainingInWindow\":57,\"open\":1,"
                    + "\"remainingOpen\":49,\"nextFreeSlot\":\"2025-11-21T15:00:00Z\",\"pausedUntil\":null,"
                        + limits
                        + "}",
                PacingResource.json(new PacingBudget(now, 3, 57, 1, 49, now, null)).toString());
        assertEquals(
                "{\"asOf\":\"2025-11-21T15:00:00Z\",\"usedInWindow\":4,\"remainingInWindow\":56,\"open\":0,"
                    + "\"remainingOpen\":50,\"nextFreeSlot\":\"2025-11-21T15:00:15Z\","
                    + "\"pausedUntil\":\"2025-11-21T15:00:15Z\","
                        + limits
                        + "}",
                PacingResource.json(
                                new PacingBudget(
                                        now,
                                        4,
                                        56,
                                        0,
                                        50,
                                        now.plusSeconds(15),
                                        now.plusSeconds(15)))
                        .toString());
    }
}

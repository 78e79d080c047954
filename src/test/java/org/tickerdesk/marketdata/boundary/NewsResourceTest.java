package org.tickerdesk.marketdata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GET /api/v1/news?limit=: which limits are taken; any other is a 400 with this message. */
class NewsResourceTest {

    @Test
    void noLimitIsFiftyAndAnyFromOneToFiveHundredIsTaken() {
        assertEquals(50, NewsResource.limit(null));
        assertEquals(50, NewsResource.limit(""));
        assertEquals(1, NewsResource.limit("1"));
        assertEquals(500, NewsResource.limit(" 500 "));
    }

    @Test
    void otherLimitsAreRefusedSayingWhatIsAllowed() {
        for (String bad : new String[] {"0", "501", "-3", "ten", "2.5"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> NewsResource.limit(bad));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "limit must be a whole number from 1 to 500, not '"
                                            + bad
                                            + "'"),
                    e.getMessage());
        }
    }
}

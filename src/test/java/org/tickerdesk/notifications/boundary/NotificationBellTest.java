package org.tickerdesk.notifications.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ids the bell's script hands over: digits only, anything else is ignored. */
class NotificationBellTest {

    @Test
    void digitsSeparatedByCommasAreIdsAndTheRestIsIgnored() {
        assertEquals(List.of(4L, 17L), NotificationBell.parse(" 4, x ,17,-3,,1e3"));
        assertEquals(List.of(), NotificationBell.parse(null));
    }
}

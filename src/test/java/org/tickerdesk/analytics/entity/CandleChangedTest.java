package org.tickerdesk.analytics.entity;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandleChangedTest {

    @Test
    void aChangeChangesAtLeastOneCandle() {
        assertThrows(IllegalArgumentException.class, () -> new CandleChanged(List.of()));
        assertThrows(NullPointerException.class, () -> new CandleChanged(null));
    }
}

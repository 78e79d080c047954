package org.tickerdesk.history.entity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoredCandlesTest {

    @Test
    void noneHasNoText() {
        assertTrue(StoredCandles.NONE.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new StoredCandles(0, "{\"t\":1}"));
    }

    @Test
    void someHaveTheirText() {
        assertThrows(IllegalArgumentException.class, () -> new StoredCandles(2, ""));
        assertThrows(IllegalArgumentException.class, () -> new StoredCandles(-1, "{}"));
    }
}

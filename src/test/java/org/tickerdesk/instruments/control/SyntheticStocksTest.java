package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticStocksTest {

    @Test
    void namesAreFourDigitsAtLeast() {
        assertEquals("S0000", SyntheticStocks.symbol(0));
        assertEquals("S0042", SyntheticStocks.symbol(42));
        assertEquals("S12345", SyntheticStocks.symbol(12345));
    }

    @Test
    void onlyTheConfiguredOnesExist() {
        assertTrue(SyntheticStocks.isOne("S0000", 1));
        assertTrue(SyntheticStocks.isOne("S0099", 100));
        assertFalse(SyntheticStocks.isOne("S0100", 100));
        assertFalse(SyntheticStocks.isOne("S00001", 100), "not the spelling we hand out");
        assertFalse(SyntheticStocks.isOne("SPY", 100));
        assertFalse(SyntheticStocks.isOne("S0000", 0));
        assertFalse(SyntheticStocks.isOne(null, 10));
    }
}

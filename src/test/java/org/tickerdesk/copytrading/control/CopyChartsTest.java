package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trader a copied position's book names, as a changed position is traced back to it. */
class CopyChartsTest {

    @Test
    void aCopyBookNamesItsTrader() {
        assertEquals(Optional.of(7L), CopyCharts.trader(CopyDecisions.book(7)));
        assertEquals(Optional.of(123L), CopyCharts.trader("trader:123"));
    }

    @Test
    void anyOtherBookNamesNone() {
        assertEquals(Optional.empty(), CopyCharts.trader(null));
        assertEquals(Optional.empty(), CopyCharts.trader("desk:7"));
        assertEquals(Optional.empty(), CopyCharts.trader("trader:"));
        assertEquals(Optional.empty(), CopyCharts.trader("trader:7x"));
    }
}

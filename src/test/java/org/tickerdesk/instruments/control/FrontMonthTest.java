package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FrontMonthTest {

    @Test
    void eMiniExpiresOnTheThirdFridayOfTheQuarterMonth() {
        assertEquals(
                LocalDate.of(2026, 12, 18),
                FrontMonth.equityIndexExpiry(LocalDate.of(2026, 11, 21)));
        assertEquals(
                LocalDate.of(2027, 3, 19),
                FrontMonth.equityIndexExpiry(LocalDate.of(2026, 12, 18)));
        assertEquals(
                LocalDate.of(2027, 3, 19), FrontMonth.equityIndexExpiry(LocalDate.of(2027, 1, 2)));
    }

    @Test
    void crudeStopsTradingThreeBusinessDaysBeforeThe25thOfThePriorMonth() {
        // 25 Nov 2026 is a Wednesday: three business days back is Friday 20 Nov.
        assertEquals(LocalDate.of(2026, 11, 20), FrontMonth.crudeExpiry(YearMonth.of(2026, 12)));
        // 25 Oct 2026 is a Sunday: four business days back is Tuesday 20 Oct.
        assertEquals(LocalDate.of(2026, 10, 20), FrontMonth.crudeExpiry(YearMonth.of(2026, 11)));
        assertEquals(
                YearMonth.of(2027, 1), FrontMonth.crudeDeliveryMonth(LocalDate.of(2026, 11, 21)));
    }

    @Test
    void contractCodesUseTheExchangeMonthLetters() {
        assertEquals("ESZ6", FrontMonth.code("ES", YearMonth.of(2026, 12)));
        assertEquals("CLF7", FrontMonth.code("CL", YearMonth.of(2027, 1)));
    }
}

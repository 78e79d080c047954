package org.tickerdesk.ibkr.resolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.history.HistoricalDataRequest;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;

class DayBarsTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    private static HistoricalBar bar(String time, String close) {
        BigDecimal c = new BigDecimal(close);
        return new HistoricalBar(time, c, c, c, c, BigDecimal.TEN, c, 1);
    }

    @Test
    void theBarOfTheDayIsTheOneDatedThatDay() {
        List<HistoricalBar> bars =
                List.of(bar("20261118", "1"), bar("20261120", "3"), bar("20261119", "2"));
        assertEquals(Optional.of(bars.get(1)), DayBars.of(bars, FRIDAY));
    }

    @Test
    void aMissingDayIsNotReplacedByTheDayBeforeOrAfter() {
        List<HistoricalBar> bars = List.of(bar("20261119", "2"), bar("20261123", "4"));
        assertEquals(Optional.empty(), DayBars.of(bars, FRIDAY));
    }

    @Test
    void aBarWhoseTimeCannotBeReadIsNotTheDays() {
        assertEquals(Optional.empty(), DayBars.of(List.of(bar("Nov 20", "3")), FRIDAY));
    }

    @Test
    void aDayIsOverAtMidnightUtcAfterIt() {
        assertFalse(DayBars.closed(FRIDAY, Instant.parse("2026-11-20T23:59:59Z")));
        assertTrue(DayBars.closed(FRIDAY, Instant.parse("2026-11-21T00:00:00Z")));
    }

    @Test
    void theRequestEndsWithTheDayInUtcAndReachesBackFiveDays() {
        IbContract aapl = IbContract.stock("AAPL", "SMART", "USD");
        HistoricalDataRequest request = DayBars.request(aapl, FRIDAY, true);
        assertEquals("20261121-00:00:00", request.endDateTime());
        assertEquals("5 D", request.duration().label());
        assertEquals(BarSize.DAY_1, request.barSize());
        assertEquals(WhatToShow.TRADES, request.whatToShow());
        assertTrue(request.useRth());
        assertEquals(aapl, request.contract());
    }
}

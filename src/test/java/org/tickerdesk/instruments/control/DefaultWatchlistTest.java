package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;

class DefaultWatchlistTest {

    private final LocalDate today = LocalDate.of(2026, 11, 21);
    private final List<Instrument> watchlist = DefaultWatchlist.instruments(today);

    @Test
    void twentyStocksTwoFuturesAndOneEventContract() {
        assertEquals(20, count(InstrumentKind.STOCK));
        assertEquals(2, count(InstrumentKind.FUTURE));
        assertEquals(1, count(InstrumentKind.EVENT));
        assertTrue(watchlist.stream().anyMatch(i -> i.symbol().equals("AAPL")));
        assertTrue(watchlist.stream().allMatch(Instrument::onWatchlist));
    }

    @Test
    void whatExpiresIsNotExpiredYet() {
        assertTrue(
                watchlist.stream()
                        .filter(i -> i.kind().expires())
                        .noneMatch(i -> i.expiredOn(today.plusDays(1))));
        assertTrue(watchlist.stream().anyMatch(i -> i.symbol().equals("ESZ6")));
        assertTrue(watchlist.stream().anyMatch(i -> i.symbol().equals("CLF7")));
        assertTrue(watchlist.stream().anyMatch(i -> i.symbol().equals("CPI3-202612")));
    }

    private long count(InstrumentKind kind) {
        return watchlist.stream().filter(i -> i.kind() == kind).count();
    }
}

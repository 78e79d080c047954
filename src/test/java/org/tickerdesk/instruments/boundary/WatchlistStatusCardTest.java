package org.tickerdesk.instruments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.WatchlistChanged;
import org.tickerdesk.platform.entity.StatusCard;

/**
 * The watchlist card counts in the database at first and after a watchlist change, not on every
 * refresh.
 */
class WatchlistStatusCardTest {

    private final AtomicInteger counted = new AtomicInteger();
    private volatile InstrumentCatalog.Counts stored = new InstrumentCatalog.Counts(7, 5);
    private volatile boolean databaseDown;

    private final WatchlistStatusCard card = new WatchlistStatusCard();

    {
        card.catalog =
                new InstrumentCatalog() {
                    @Override
                    public Counts counts() {
                        counted.incrementAndGet();
                        if (databaseDown) {
                            throw new IllegalStateException("connection refused");
                        }
                        return stored;
                    }
                };
    }

    @Test
    void countsOnceAndThenOnlyAfterTheWatchlistChanged() {
        assertEquals("5", watched());
        assertEquals("5", watched());
        assertEquals(1, counted.get());

        stored = new InstrumentCatalog.Counts(8, 6);
        card.watchlistChanged(new WatchlistChanged(Contract.stock("ORCL", "SMART"), true));

        assertEquals("6", watched());
        assertEquals("8 known", card.cards().get(0).fields().get(1).text());
        assertEquals(2, counted.get());
    }

    @Test
    void aFailedCountIsTriedAgainNextTime() {
        databaseDown = true;
        assertThrows(IllegalStateException.class, card::cards);

        databaseDown = false;
        assertEquals("5", watched());
        assertEquals(2, counted.get());
    }

    private String watched() {
        StatusCard shown = card.cards().get(0);
        return shown.fields().get(0).text();
    }
}

package org.tickerdesk.instruments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.WatchlistChanged;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;

/**
 * The dashboard's watchlist card: how many instruments are watched of how many known. The counts
 * change only with the watchlist (every new instrument joins it), so they are counted in the
 * database once at first and then only after a {@link WatchlistChanged}, not on every refresh.
 */
@ApplicationScoped
public class WatchlistStatusCard implements StatusContribution {

    @Inject InstrumentCatalog catalog;

    private volatile boolean stale = true;
    private volatile InstrumentCatalog.Counts counts;

    void watchlistChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) WatchlistChanged change) {
        stale = true;
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public List<StatusCard> cards() {
        if (stale) {
            // cleared before counting: a change committed meanwhile makes the next refresh count
            // again
            stale = false;
            try {
                counts = catalog.counts();
            } catch (RuntimeException e) {
                stale = true;
                throw e;
            }
        }
        InstrumentCatalog.Counts now = counts;
        return List.of(
                StatusCard.of(
                        "watched",
                        "Instruments watched",
                        Field.value("watched", now.watched()),
                        Field.note("instruments", now.known() + " known")));
    }
}

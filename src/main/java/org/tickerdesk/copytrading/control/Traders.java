package org.tickerdesk.copytrading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.entity.StoredTrader;
import org.tickerdesk.copytrading.entity.TraderChange;
import org.tickerdesk.copytrading.entity.TraderChanged;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.TraderSnapshot;

/**
 * The followed traders as the API and the pages change them. Every change is committed to
 * PostgreSQL by the {@link TraderStore} (a toggle by {@link TraderToggle}) in a transaction of its
 * own before the call returns; then, on the same thread, the {@link WatchedTraders} cache is given
 * the committed row and {@link TraderChanged} is fired for the {@code traders} stream. A failure
 * after the commit (a listener that throws) is logged and never turns a stored change into an
 * error.
 */
@ApplicationScoped
public class Traders {

    private static final Logger LOG = Logger.getLogger(Traders.class.getName());

    /** A trader just created, with its webhook secret, shown this once. */
    public record Created(TraderSnapshot trader, String secret) {}

    @Inject TraderStore store;

    @Inject TraderToggle toggler;

    @Inject WatchedTraders watched;

    @Inject Event<TraderChanged> changed;

    @Inject Clock clock;

    /**
     * @throws InvalidTraderException naming every field at fault
     * @throws TraderConflictException when the name is taken
     */
    public Created create(JsonObject body) {
        TraderSettings settings = TraderJson.create(body);
        TraderStore.Created created = store.create(settings, now());
        TraderSnapshot trader = after(created.trader(), TraderChange.CREATED);
        return new Created(trader, created.secret());
    }

    /**
     * Changes the top-level fields the body gives and keeps the others ({@link TraderJson#edit}).
     */
    public TraderSnapshot update(long id, JsonObject body) {
        return after(store.update(id, body, now()), TraderChange.UPDATED);
    }

    /** Turns the trader off when it was on and on when it was off; answers it as it is now. */
    public TraderSnapshot toggle(long id) {
        return after(toggler.toggle(id, now()), TraderChange.TOGGLED);
    }

    public void delete(long id) {
        store.delete(id);
        try {
            watched.deleted(id);
            changed.fire(new TraderChanged(id, TraderChange.DELETED, null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Trader " + id + " was deleted; telling it failed");
        }
    }

    /**
     * @throws UnknownTraderException when there is no such trader
     */
    public TraderSnapshot get(long id) {
        return store.find(id)
                .map(TraderStore::snapshot)
                .orElseThrow(() -> new UnknownTraderException(id));
    }

    /** Every trader, by name. */
    public List<TraderSnapshot> list() {
        return store.all().stream().map(TraderStore::snapshot).toList();
    }

    /** To the microsecond, as PostgreSQL keeps it: an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private TraderSnapshot after(StoredTrader row, TraderChange change) {
        TraderSnapshot trader = TraderStore.snapshot(row);
        try {
            watched.changed(row);
            if (change == TraderChange.CREATED) {
                watched.listChanged();
            }
            changed.fire(new TraderChanged(row.id(), change, trader));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Trader " + row.id() + " was " + change + "; telling it failed");
        }
        return trader;
    }
}

package org.tickerdesk.copytrading.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import org.tickerdesk.copytrading.entity.StoredTrader;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.platform.control.Lane;

/**
 * The followed traders for the hot path: what the trade intake reads for every incoming trade,
 * without a database round trip. Backed by JCache (Hazelcast, inside Payara), so every instance of
 * a cluster reads the same; PostgreSQL stays the truth.
 *
 * <ul>
 *   <li>{@link #settings(long)}, {@link #trader(long)} and {@link #secret(long)}: one trader, by
 *       the id their trades are filed under; empty when there is no such trader.
 *   <li>{@link #enabled()} and {@link #enabled(String)}: the traders being copied (of one feed).
 * </ul>
 *
 * Every edit tells it right after its commit, on the thread that made it ({@link #changed}, {@link
 * #deleted}), so the next trade read on this instance after an edit's answer sees the edit: it
 * never waits for the refresh. A trader's entry is never replaced by an older version of it, so two
 * edits finishing in the other order, or a read of the database racing an edit, cannot leave an
 * older one behind. The {@code traders-refresh} task ({@link #refresh()}, every minute) rebuilds
 * everything from the database, which repairs what no edit told (a row changed by hand, an instance
 * that died between commit and telling).
 */
@ApplicationScoped
public class WatchedTraders {

    static final String CACHE = "tickerdesk-traders";
    static final String IDS_CACHE = "tickerdesk-trader-ids";
    static final String IDS = "all";

    @Inject CacheManager cacheManager;

    @Inject TraderStore store;

    Cache<Long, StoredTrader> traders;
    Cache<String, long[]> ids;

    private static final Logger LOG = Logger.getLogger(WatchedTraders.class.getName());

    @Resource ManagedThreadFactory threads;

    private Lane lane;

    /** Tells the grid the rows of edits, in the order they were committed here: the lane. */
    Executor toGrid;

    /** Edits committed here whose row is still on its way to the grid, by trader id. */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** Settings already read from a cached row, so the rules' JSON is read once per version. */
    private final Map<Long, Read> read = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        traders = cache(CACHE, Long.class, StoredTrader.class);
        ids = cache(IDS_CACHE, String.class, long[].class);
        lane = Lane.open(threads);
        toGrid = lane;
    }

    @PreDestroy
    void close() {
        if (lane != null) {
            lane.close();
        }
    }

    private <K, V> Cache<K, V> cache(String name, Class<K> key, Class<V> value) {
        Cache<K, V> existing = cacheManager.getCache(name, key, value);
        return existing != null
                ? existing
                : cacheManager.createCache(
                        name, new MutableConfiguration<K, V>().setTypes(key, value));
    }

    /** A trader's settings, enabled or not; empty when no trader has this id. */
    public Optional<TraderSettings> settings(long traderId) {
        return trader(traderId).map(WatchedTrader::settings);
    }

    /** A trader with its id; empty when no trader has this id. */
    public Optional<WatchedTrader> trader(long traderId) {
        return row(traderId).map(this::watched);
    }

    /**
     * The secret that signs the trader's webhook trades (HMAC-SHA256 key, hex text as it was shown
     * when the trader was created); empty when no trader has this id.
     */
    public Optional<String> secret(long traderId) {
        return row(traderId).map(StoredTrader::secret);
    }

    /** Every enabled trader, by id. */
    public List<WatchedTrader> enabled() {
        List<WatchedTrader> enabled = new ArrayList<>();
        for (long id : ids()) {
            trader(id).filter(t -> t.settings().enabled()).ifPresent(enabled::add);
        }
        return enabled;
    }

    /** Every enabled trader whose trades come from this feed ({@code ibkr}, ...), by id. */
    public List<WatchedTrader> enabled(String feed) {
        return enabled().stream().filter(t -> t.settings().feed().equals(feed)).toList();
    }

    /**
     * After the commit of a trader's creation or edit: the row as committed. The data grid is told
     * on another thread, so the edit's answer does not wait for it: a flight recording of the
     * toggle benchmark showed the request parked on the grid's partition thread in every toggle,
     * for more than 2 ms in one of 25. Until the grid has it, this instance reads the row from
     * {@link #pending}, so the next trade read here after the answer sees the edit; another
     * instance of a cluster sees it once the grid has it, a moment later. It is told on a {@link
     * Lane} of its own rather than through the server's managed executor, which costs every task a
     * search of the application's jars.
     */
    public void changed(StoredTrader row) {
        CompletableFuture<Void> told = new CompletableFuture<>();
        Pending pending = new Pending(row, told);
        this.pending.merge(
                row.id(), pending, (was, now) -> newer(was.row(), now.row()) ? was : now);
        try {
            toGrid.execute(() -> tell(pending));
        } catch (RejectedExecutionException e) {
            tell(pending);
        }
    }

    private void tell(Pending told) {
        try {
            if (pending.get(told.row().id()) == told) {
                putIfNewer(told.row());
            }
            pending.remove(told.row().id(), told);
            told.done().complete(null);
        } catch (RuntimeException e) {
            told.done().completeExceptionally(e);
            LOG.log(
                    Level.WARNING,
                    e,
                    () ->
                            "Trader "
                                    + told.row().id()
                                    + " could not be told to the data grid; the"
                                    + " refresh will");
        }
    }

    /** After the commit of a trader's creation or deletion: the list of traders changed. */
    public void listChanged() {
        ids.put(IDS, store.ids());
    }

    /**
     * After the commit of a trader's deletion: an edit still on its way to the grid is waited for
     * first, so it cannot put the trader back after its removal.
     */
    public void deleted(long traderId) {
        Pending unfinished = pending.remove(traderId);
        if (unfinished != null) {
            try {
                unfinished.done().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(Level.FINE, "An edit of a deleted trader was not told to the grid", e);
            }
        }
        traders.remove(traderId);
        read.remove(traderId);
        listChanged();
    }

    /**
     * Reads every trader from the database into the cache and forgets those that are gone.
     *
     * @return how many traders there are
     */
    public int refresh() {
        List<StoredTrader> all = store.all();
        Set<Long> stored = new HashSet<>();
        for (StoredTrader row : all) {
            stored.add(row.id());
            putIfNewer(row);
        }
        for (Cache.Entry<Long, StoredTrader> entry : traders) {
            if (!stored.contains(entry.getKey())) {
                traders.remove(entry.getKey());
            }
        }
        read.keySet().retainAll(stored);
        ids.put(IDS, all.stream().mapToLong(StoredTrader::id).sorted().toArray());
        return all.size();
    }

    private long[] ids() {
        long[] cached = ids.get(IDS);
        if (cached != null) {
            return cached;
        }
        long[] stored = store.ids();
        ids.putIfAbsent(IDS, stored);
        return stored;
    }

    private Optional<StoredTrader> row(long traderId) {
        // pending first: an edit leaves it only after the grid has its row, so an edit missed
        // here is in the grid when it is read next
        Pending told = pending.get(traderId);
        StoredTrader cached = traders.get(traderId);
        if (told != null && (cached == null || newer(told.row(), cached))) {
            return Optional.of(told.row());
        }
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredTrader> stored = store.find(traderId);
        stored.ifPresent(this::putIfNewer);
        return stored;
    }

    /**
     * An entry is never replaced by an older version of the trader; the same version with other
     * values is taken, as the database is the truth, also when a row was changed by hand. One
     * atomic operation of the data grid, on the entry's owner.
     */
    private void putIfNewer(StoredTrader row) {
        traders.invoke(row.id(), new PutIfNewer(row));
    }

    /** Whether {@code row} is a later version than {@code than}, or the same with other values. */
    private static boolean newer(StoredTrader row, StoredTrader than) {
        return row.version() > than.version()
                || (row.version() == than.version() && !row.equals(than));
    }

    /** An edit on its way to the grid, and when it has arrived. */
    private record Pending(StoredTrader row, CompletableFuture<Void> done) {}

    /** Runs where the entry is kept, atomically, so it needs no compare-and-set loop. */
    record PutIfNewer(StoredTrader row)
            implements EntryProcessor<Long, StoredTrader, Void>, Serializable {

        @Override
        public Void process(MutableEntry<Long, StoredTrader> entry, Object... arguments) {
            StoredTrader cached = entry.getValue();
            if (cached == null
                    || cached.version() < row.version()
                    || (cached.version() == row.version() && !cached.equals(row))) {
                entry.setValue(row);
            }
            return null;
        }
    }

    private WatchedTrader watched(StoredTrader row) {
        Read known = read.get(row.id());
        if (known != null && known.row().equals(row)) {
            return known.trader();
        }
        WatchedTrader fresh = new WatchedTrader(row.id(), TraderStore.settings(row));
        read.put(row.id(), new Read(row, fresh));
        return fresh;
    }

    /** A trader's settings as read from one version of its row. */
    private record Read(StoredTrader row, WatchedTrader trader) {}
}

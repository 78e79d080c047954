package org.tickerdesk.copytrading.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import org.tickerdesk.copytrading.entity.StoredTrader;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.WatchedTrader;

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
 * #deleted}), so the next trade read after an edit's answer sees the edit: it never waits for the
 * refresh. A trader's entry is never replaced by an older version of it, so two edits finishing in
 * the other order, or a read of the database racing an edit, cannot leave an older one behind. The
 * {@code traders-refresh} task ({@link #refresh()}, every minute) rebuilds everything from the
 * database, which repairs what no edit told (a row changed by hand, an instance that died between
 * commit and telling).
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

    /** Settings already read from a cached row, so the rules' JSON is read once per version. */
    private final Map<Long, Read> read = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        traders = cache(CACHE, Long.class, StoredTrader.class);
        ids = cache(IDS_CACHE, String.class, long[].class);
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

    /** After the commit of a trader's creation or edit: the row as committed. */
    public void changed(StoredTrader row) {
        putIfNewer(row);
    }

    /** After the commit of a trader's creation or deletion: the list of traders changed. */
    public void listChanged() {
        ids.put(IDS, store.ids());
    }

    /** After the commit of a trader's deletion. */
    public void deleted(long traderId) {
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
        StoredTrader cached = traders.get(traderId);
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

package org.tickerdesk.marketdata.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.tickerdesk.marketdata.entity.DemandChanged;

/**
 * Who needs which symbol's quotes right now: a streaming client, later an open position or a
 * followed trader. A holder holds a symbol (or {@code *}, every watched symbol) until it lets go;
 * holding twice is holding once, so a holder can never leak a symbol by counting wrong. The feed
 * supervisor subscribes a demand-driven source only for needed symbols and the subscription cleanup
 * releases those that have been idle long enough.
 */
@ApplicationScoped
public class MarketDemand {

    @Inject Event<DemandChanged> changes;

    private final Map<String, Set<Object>> holders = new HashMap<>();
    private final Map<String, Instant> idleSince = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private Consumer<DemandChanged> publish = change -> {};

    /** For CDI; changes go out as CDI events. */
    public MarketDemand() {}

    /** Wired by hand, for tests. */
    public MarketDemand(Clock clock, Consumer<DemandChanged> publish) {
        this.clock = clock;
        this.publish = publish;
    }

    @PostConstruct
    void wire() {
        publish = changes::fire;
    }

    public void hold(Object holder, String symbol) {
        boolean first;
        synchronized (this) {
            Set<Object> set = holders.computeIfAbsent(symbol, s -> new HashSet<>());
            first = set.isEmpty();
            set.add(holder);
            idleSince.remove(symbol);
        }
        if (first) {
            publish.accept(new DemandChanged(symbol, true));
        }
    }

    public void release(Object holder, String symbol) {
        boolean last;
        synchronized (this) {
            last = releaseLocked(holder, symbol);
        }
        if (last) {
            publish.accept(new DemandChanged(symbol, false));
        }
    }

    /** The holder is gone (a client disconnected): everything it held is released. */
    public void releaseAll(Object holder) {
        Set<String> idle = new HashSet<>();
        synchronized (this) {
            for (String symbol : Set.copyOf(holders.keySet())) {
                if (releaseLocked(holder, symbol)) {
                    idle.add(symbol);
                }
            }
        }
        idle.forEach(symbol -> publish.accept(new DemandChanged(symbol, false)));
    }

    /** Someone holds the symbol itself or every symbol. */
    public synchronized boolean needed(String symbol) {
        return holders.containsKey(symbol) || holders.containsKey(DemandChanged.EVERY_SYMBOL);
    }

    /**
     * Nobody needs the symbol and nobody has for at least {@code idle}. A symbol that was never
     * held counts as idle since its first question here, so a subscription nobody asked for is
     * still kept for one full idle period.
     */
    public synchronized boolean idleFor(String symbol, Duration idle) {
        if (needed(symbol)) {
            return false;
        }
        Instant now = clock.instant();
        Instant since =
                latest(
                        idleSince.computeIfAbsent(symbol, s -> now),
                        idleSince.getOrDefault(DemandChanged.EVERY_SYMBOL, Instant.MIN));
        return !since.plus(idle).isAfter(now);
    }

    /** Symbols held by anyone, {@code *} included, with their holder counts. */
    public synchronized Map<String, Integer> holdings() {
        Map<String, Integer> counts = new HashMap<>();
        holders.forEach((symbol, set) -> counts.put(symbol, set.size()));
        return counts;
    }

    private boolean releaseLocked(Object holder, String symbol) {
        Set<Object> set = holders.get(symbol);
        if (set == null || !set.remove(holder) || !set.isEmpty()) {
            return false;
        }
        holders.remove(symbol);
        idleSince.put(symbol, clock.instant());
        return true;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

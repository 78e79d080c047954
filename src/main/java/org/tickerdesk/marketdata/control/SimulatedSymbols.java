package org.tickerdesk.marketdata.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.tickerdesk.instruments.entity.Contract;

/**
 * The symbols the simulated market is asked for, and their walks. Any thread may subscribe and
 * unsubscribe; the generator thread reads a snapshot per batch without locking. A walk outlives its
 * subscription, so a symbol subscribed again resumes where it stopped rather than jumping back to
 * its start price.
 */
final class SimulatedSymbols {

    /** One subscription of a walk; {@code live} turns false for good when it ends. */
    static final class Subscription {
        final PriceWalk walk;
        volatile boolean live = true;

        private Subscription(PriceWalk walk) {
            this.walk = walk;
        }
    }

    private static final Subscription[] NONE = new Subscription[0];

    private final long seed;
    private final Map<String, PriceWalk> walks = new HashMap<>();
    private final Map<String, Subscription> subscribed = new LinkedHashMap<>();
    private final Queue<Subscription> unquoted = new ConcurrentLinkedQueue<>();
    private volatile Subscription[] snapshot = NONE;

    SimulatedSymbols(long seed) {
        this.seed = seed;
    }

    synchronized void subscribe(Contract contract) {
        String symbol = contract.symbol();
        Subscription current = subscribed.get(symbol);
        if (current != null && current.walk.contract().equals(contract)) {
            return;
        }
        if (current != null) {
            current.live = false;
        }
        PriceWalk walk = walks.get(symbol);
        if (walk == null || !walk.contract().equals(contract)) {
            walk = new PriceWalk(seed, contract);
            walks.put(symbol, walk);
        }
        Subscription subscription = new Subscription(walk);
        subscribed.put(symbol, subscription);
        snapshot = subscribed.values().toArray(NONE);
        unquoted.add(subscription);
    }

    synchronized void unsubscribe(String symbol) {
        Subscription subscription = subscribed.remove(symbol);
        if (subscription != null) {
            subscription.live = false;
            snapshot = subscribed.values().toArray(NONE);
        }
    }

    /** The walk of a symbol subscribed now, or null: a symbol not subscribed is not served. */
    synchronized PriceWalk served(String symbol) {
        Subscription subscription = subscribed.get(symbol);
        return subscription == null ? null : subscription.walk;
    }

    /**
     * The current subscriptions; one may end while the caller holds the array, so check {@code
     * live}.
     */
    Subscription[] snapshot() {
        return snapshot;
    }

    /** The next subscription that has not had its first quote yet, or null. */
    Subscription pollUnquoted() {
        return unquoted.poll();
    }
}

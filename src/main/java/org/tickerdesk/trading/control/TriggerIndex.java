package org.tickerdesk.trading.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.tickerdesk.trading.entity.ExitSignal;
import org.tickerdesk.trading.entity.TriggerPrice;

/**
 * One instrument's guarded positions, filed by the levels at which a price concerns them, so that a
 * tick costs O(log n + touched) rather than a look at every position. A position is filed twice: by
 * its stop, and by its wake level (the nearest price in its favour that changes anything: a
 * take-profit rung, an activation, a new best for a trailing stop, the ROI table's profit). Levels
 * are kept times the direction, so for longs and shorts alike a price {@code x} (also times the
 * direction) touches the stops at or above {@code x} and the wake levels at or below it. Each
 * watched price (last, closing side, mid) and direction has its own pair of maps. Not thread-safe:
 * its engine locks per instrument.
 */
final class TriggerIndex {

    /** A position that a price touched, with what fired; {@code fired} may be empty. */
    record Touched(Guard guard, List<ExitSignal> fired) {}

    private record Key(double level, long positionId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byLevel = Double.compare(level, other.level);
            return byLevel != 0 ? byLevel : Long.compare(positionId, other.positionId);
        }
    }

    private static final class Levels {
        final NavigableMap<Key, Guard> stops = new TreeMap<>();
        final NavigableMap<Key, Guard> wakes = new TreeMap<>();
    }

    private final Map<Long, Guard> guards = new LinkedHashMap<>();
    private final Levels[] levels = new Levels[TriggerPrice.values().length * 2];

    TriggerIndex() {
        for (int i = 0; i < levels.length; i++) {
            levels[i] = new Levels();
        }
    }

    int size() {
        return guards.size();
    }

    boolean isEmpty() {
        return guards.isEmpty();
    }

    Guard get(long positionId) {
        return guards.get(positionId);
    }

    Collection<Guard> guards() {
        return guards.values();
    }

    /** Files a position (again, when its rules or state changed). */
    void put(Guard guard, Instant now) {
        remove(guard.positionId);
        guards.put(guard.positionId, guard);
        file(guard, now);
    }

    void remove(long positionId) {
        Guard guard = guards.remove(positionId);
        if (guard != null) {
            unfile(guard);
        }
    }

    /**
     * Shows a quote to the positions it concerns, and only to them; returns each one touched, with
     * what fired, in the order touched.
     */
    List<Touched> onQuote(double last, double bid, double ask, Instant at) {
        List<Touched> touched = new ArrayList<>();
        for (TriggerPrice watched : TriggerPrice.values()) {
            for (int direction : new int[] {1, -1}) {
                Levels pair = levels[slot(watched, direction)];
                if (pair.stops.isEmpty() && pair.wakes.isEmpty()) {
                    continue;
                }
                double price = watched.of(last, bid, ask, direction > 0);
                if (!Double.isFinite(price)) {
                    continue;
                }
                double x = direction * price;
                List<Guard> concerned =
                        new ArrayList<>(
                                pair.stops.tailMap(new Key(x, Long.MIN_VALUE), true).values());
                for (Guard g : pair.wakes.headMap(new Key(x, Long.MAX_VALUE), true).values()) {
                    if (!(g.stopKey >= x)) {
                        concerned.add(g);
                    }
                }
                for (Guard guard : concerned) {
                    unfile(guard);
                    touched.add(new Touched(guard, guard.watch.onQuote(last, bid, ask, at)));
                    file(guard, at);
                }
            }
        }
        return touched;
    }

    /** What the clock alone fires (time limit, ROI at the last price), refiling every position. */
    List<Touched> onClock(Instant now) {
        List<Touched> touched = new ArrayList<>();
        for (Guard guard : List.copyOf(guards.values())) {
            unfile(guard);
            List<ExitSignal> fired = guard.closing ? List.of() : guard.watch.onClock(now);
            if (!fired.isEmpty()) {
                touched.add(new Touched(guard, fired));
            }
            file(guard, now);
        }
        return touched;
    }

    private void file(Guard guard, Instant now) {
        if (guard.closing || guard.watch.isDone()) {
            guard.stopKey = Double.NaN;
            guard.wakeKey = Double.NaN;
            return;
        }
        Levels pair = levels[slot(guard.rules.triggerPrice(), guard.direction())];
        guard.stopKey = guard.direction() * guard.watch.stopLevel();
        guard.wakeKey = guard.direction() * guard.watch.wakeLevel(now);
        if (!Double.isNaN(guard.stopKey)) {
            pair.stops.put(new Key(guard.stopKey, guard.positionId), guard);
        }
        if (!Double.isNaN(guard.wakeKey)) {
            pair.wakes.put(new Key(guard.wakeKey, guard.positionId), guard);
        }
    }

    private void unfile(Guard guard) {
        Levels pair = levels[slot(guard.rules.triggerPrice(), guard.direction())];
        if (!Double.isNaN(guard.stopKey)) {
            pair.stops.remove(new Key(guard.stopKey, guard.positionId));
        }
        if (!Double.isNaN(guard.wakeKey)) {
            pair.wakes.remove(new Key(guard.wakeKey, guard.positionId));
        }
        guard.stopKey = Double.NaN;
        guard.wakeKey = Double.NaN;
    }

    private static int slot(TriggerPrice watched, int direction) {
        return watched.ordinal() * 2 + (direction > 0 ? 0 : 1);
    }
}

package org.tickerdesk.streaming.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tickerdesk.testing.SettableClock;

/**
 * A scheduler for tests: a task runs when the test moves the clock past its time, on the test's
 * thread, in the order the tasks are due.
 */
final class ManualScheduler implements Scheduler {

    private record Due(long atMillis, long order, Runnable task) {}

    private final SettableClock clock;
    private final List<Due> waiting = new ArrayList<>();
    private long scheduled;

    ManualScheduler(SettableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMillis) {
        waiting.add(new Due(clock.millis() + delayMillis, scheduled++, task));
    }

    /** Moves the clock and runs every task that has come due, also those they schedule. */
    void advance(Duration by) {
        clock.advance(by);
        Due next;
        while ((next = nextDue()) != null) {
            next.task().run();
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }

    private synchronized Due nextDue() {
        Due first =
                waiting.stream()
                        .filter(d -> d.atMillis() <= clock.millis())
                        .min(Comparator.comparingLong(Due::atMillis).thenComparingLong(Due::order))
                        .orElse(null);
        waiting.remove(first);
        return first;
    }
}

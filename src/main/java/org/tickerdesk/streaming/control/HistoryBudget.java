package org.tickerdesk.streaming.control;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The characters of message text all streams' histories may keep together, so that many busy
 * streams cannot take more memory than configured whatever their number.
 */
final class HistoryBudget {

    private final long characters;
    private final AtomicLong used = new AtomicLong();

    HistoryBudget(long characters) {
        this.characters = characters;
    }

    /** Takes room for a message if there is some; false leaves the budget as it was. */
    boolean take(int length) {
        long before;
        do {
            before = used.get();
            if (before + length > characters) {
                return false;
            }
        } while (!used.compareAndSet(before, before + length));
        return true;
    }

    void give(int length) {
        used.addAndGet(-length);
    }

    long used() {
        return used.get();
    }
}
